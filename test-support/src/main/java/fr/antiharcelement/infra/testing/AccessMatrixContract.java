package fr.antiharcelement.infra.testing;

import org.junit.jupiter.api.Test;

/**
 * The access checks every service makes the same way: its {@link AccessMatrix}, declared by the subclass,
 * against the running service and against the service's own OpenAPI document, and its open operational
 * endpoints.
 */
public abstract class AccessMatrixContract {

    /** Who may call what on this service, endpoint by endpoint, with real ids and bodies. */
    protected abstract AccessMatrix matrix();

    /** Called once every call of the matrix has been made, e.g. to let something it started finish. */
    protected void afterTheMatrixRan() {
    }

    @Test
    void everyEndpointAnswersEachKindOfCallerAsDeclared() {
        matrix().verify();
        afterTheMatrixRan();
    }

    @Test
    void theMatrixDeclaresExactlyTheEndpointsOfTheServiceOpenApiDocument() {
        matrix().assertDeclaresExactly(OpenApiDocument.ofServiceUnderTest().operationKeys());
    }

    /** Clients are generated from the document (the clients module): each operation needs a stable name and its answer. */
    @Test
    void everyOperationHasItsOwnOperationIdAndDeclaresItsSuccessAnswer() {
        org.assertj.core.api.Assertions.assertThat(OpenApiDocument.ofServiceUnderTest().generatorDefects())
                .as("what a client generator lacks in the OpenAPI document").isEmpty();
    }

    @Test
    void healthMetricsAndOpenApiAnswerWithoutAToken() {
        AccessMatrix.assertOperationalEndpointsAnswerWithoutToken();
    }
}
