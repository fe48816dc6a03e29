package fr.antiharcelement.api.time;

import fr.antiharcelement.kernel.CampaignTime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The {@link Clock} the domains are given: the system's, in campaign time. Tests of pure rules pass a fixed one. */
public class CampaignClock {

    @Produces
    @Singleton
    Clock clock() {
        return CampaignTime.systemClock();
    }
}
