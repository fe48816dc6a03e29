package fr.antiharcelement.api.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * The budget of writes each token subject has on one instance, under {@code api.request-budget.*}: a token bucket of
 * {@link #burst()} writes refilled at {@link #perSecond()} (docs/architecture.md, "Request budget").
 */
@ConfigMapping(prefix = "api.request-budget")
public interface RequestBudgetConfig {

    /** Whether writes are budgeted at all. */
    @WithDefault("true")
    boolean enabled();

    /** Writes per second a subject regains, sustained. */
    @WithDefault("50")
    double perSecond();

    /** Writes a subject may make at once after a quiet spell: the bucket's size. */
    @WithDefault("500")
    int burst();

    /**
     * Budgets of their own for some token subjects ({@code sub}), e.g.
     * {@code api.request-budget.subjects."integration@e-enfance".burst=2000} for a partner's nightly synchronisation.
     */
    Map<String, SubjectBudget> subjects();

    interface SubjectBudget {

        double perSecond();

        int burst();
    }
}
