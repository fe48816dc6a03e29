package fr.antiharcelement.api.problem;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row a unique constraint refuses (two concurrent creates of one code: the second passed the domain's check before
 * the first committed) is a 409 naming the constraint and its fields, however it is wrapped, never a 500; and the
 * clashing value is not repeated (a unique value may be an e-mail).
 */
class UniqueViolationTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aUniqueViolationIsA409NamingTheConstraintAndItsFieldsThroughTheTransactionsWrapping() {
        PSQLException duplicate = new PSQLException("ERROR: duplicate key value violates unique constraint \"campaign_pkey\"\n"
                + "  Detail: Key (code)=(lpdm-2021) already exists.", PSQLState.UNIQUE_VIOLATION);
        Response response = mappers.unexpected(new TransactionalException("ARJUNA016053: the transaction was rolled back",
                DatabaseUnavailableTest.jdbc(duplicate)));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.getDetail()).isEqualTo("Another request created the same code first: it exists already (campaign_pkey).");
        assertThat(problem.getExtensions()).containsEntry("constraint", "campaign_pkey").containsEntry("fields", List.of("code"));
    }

    @Test
    void aKeyOfSeveralColumnsIsNamedInCamelCaseAndItsValuesAreNotRepeated() {
        Response response = mappers.unexpected(DatabaseUnavailableTest.jdbc(new PSQLException(
                "ERROR: duplicate key value violates unique constraint \"creator_post_metrics_once\"\n"
                        + "  Detail: Key (post_id, measured_at)=(6f1c, 2021-12-01 11:00:00+00) already exists.",
                PSQLState.UNIQUE_VIOLATION)));

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(problem.getExtensions()).containsEntry("fields", List.of("postId", "measuredAt"));
        assertThat(problem.getDetail()).contains("postId, measuredAt").doesNotContain("6f1c").doesNotContain("2021-12-01");
    }
}
