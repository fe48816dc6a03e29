package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.NotAllowedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a caller sees and acts on: a partner its own partner's only, anyone else every partner's. */
class PartnerScopeTest {

    @Test
    void aCallerBoundToNoPartnerSeesAndActsForEveryPartner() {
        PartnerScope staff = PartnerScope.unrestricted("staff@campaign.local");

        assertThat(staff.sees("e-enfance")).as("an unrestricted caller sees e-enfance's workshops").isTrue();
        assertThat(staff.sees("generation-numerique")).as("an unrestricted caller sees generation-numerique's workshops").isTrue();
        assertThatCode(() -> staff.requireActingFor("e-enfance")).as("an unrestricted caller acting for e-enfance")
                .doesNotThrowAnyException();
        assertThat(staff.partnerCode()).as("the partner an unrestricted caller is bound to").isEmpty();
    }

    @Test
    void aPartnerSeesAndActsForItselfOnly() {
        PartnerScope partner = PartnerScope.partner("e-enfance", "integration@e-enfance");

        assertThat(partner.sees("e-enfance")).as("e-enfance sees its own workshops").isTrue();
        assertThat(partner.sees("generation-numerique")).as("e-enfance sees generation-numerique's workshops").isFalse();
        assertThatCode(() -> partner.requireActingFor("e-enfance")).as("e-enfance acting for itself").doesNotThrowAnyException();
    }

    @Test
    void aPartnerActingForAnotherIsNotAllowedAndTheAnswerNamesBoth() {
        PartnerScope partner = PartnerScope.partner("e-enfance", "integration@e-enfance");

        assertThatExceptionOfType(NotAllowedException.class).as("e-enfance acting for generation-numerique")
                .isThrownBy(() -> partner.requireActingFor("generation-numerique"))
                .withMessage("A partner token for e-enfance cannot act for partner generation-numerique");
    }

    @Test
    void theActorIsWhoTheAuditTrailRecords() {
        assertThat(PartnerScope.partner("e-enfance", "integration@e-enfance").actor()).as("actor of a partner scope")
                .isEqualTo("integration@e-enfance");
        assertThat(PartnerScope.unrestricted("staff@campaign.local").actor()).as("actor of an unrestricted scope")
                .isEqualTo("staff@campaign.local");
    }
}
