package fr.antiharcelement.workshop.api;

import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.SchoolType;

import java.time.LocalDate;
import java.util.List;

public record CampaignView(String code, String name, LocalDate startsOn, LocalDate endsOn, CampaignRequest.Targets targets,
                           List<SchoolType> studentSchoolTypes, long version) {

    static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.code, campaign.name, campaign.startsOn, campaign.endsOn,
                new CampaignRequest.Targets(campaign.targetStudents, campaign.targetParents, campaign.targetStudentWorkshops,
                        campaign.targetParentWorkshops, campaign.targetSchools, new CampaignRequest.Online(campaign.targetImpressions,
                        campaign.targetAccountsReached, campaign.targetEngagements)),
                campaign.studentSchoolTypes().stream().sorted().toList(), campaign.version);
    }
}
