package fr.antiharcelement.reach.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The latest workshops a campaign delivered, for the dashboard. */
@ApplicationScoped
public class LatestCompletions {

    @Inject
    ReachReport report;

    @Inject
    CompletionQueries queries;

    public List<CompletionQueries.Completion> latest(String code, int limit) {
        report.summary(code); // 404 for an unknown campaign, as every read of a campaign
        return queries.latest(code, limit);
    }
}
