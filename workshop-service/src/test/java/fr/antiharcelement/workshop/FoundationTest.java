package fr.antiharcelement.workshop;

import fr.antiharcelement.infra.testing.EmbeddedInfraTestResource;
import fr.antiharcelement.infra.testing.ServiceFoundationContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "workshop"))
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String adminOnlyRequest() {
        return "POST /api/v1/partners";
    }

    @Test
    void writesBeyondATokenSubjectsBudgetAre429WithRetryAfter() {
        assertWritesBeyondASubjectsBudgetAreRefused(adminOnlyRequest());
    }
}
