package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.sql.Columns;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.reach.domain.online.CampaignOnlineTargets;
import fr.antiharcelement.reach.domain.online.CreatorKey;
import fr.antiharcelement.reach.domain.online.OnlineContribution;
import fr.antiharcelement.reach.domain.online.OnlineCounters;
import fr.antiharcelement.reach.domain.online.OnlineStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes of the online projection, as {@link ReachStore}'s for workshops: one statement per table and batch, on the
 * consumer transaction's connection (the rebuild's search path sends them to its shadow tables).
 */
@ApplicationScoped
public class OnlineTables implements OnlineStore {

    /** In the consumer's transaction, the pool hands out the transaction's connection: the statements join it. */
    @Inject
    AgroalDataSource dataSource;

    @Override
    public void saveTargets(List<CampaignOnlineTargets> targets) {
        Map<String, CampaignOnlineTargets> byCode = new LinkedHashMap<>();
        targets.forEach(target -> byCode.put(target.code(), target));
        Columns rows = new Columns("text", "int8", "int8", "int8");
        byCode.values().forEach(t -> rows.add(t.code(), t.impressions(), t.accountsReached(), t.engagements()));
        write("""
                insert into campaign_online_target (code, impressions, accounts_reached, engagements)
                select * from unnest(%s)
                on conflict (code) do update set impressions = excluded.impressions, accounts_reached = excluded.accounts_reached,
                  engagements = excluded.engagements""".formatted(rows.placeholders()), rows);
    }

    @Override
    public void saveCreators(Map<String, String> names) {
        Columns rows = new Columns("text", "text");
        names.forEach(rows::add);
        write("""
                insert into creator_info (handle, name) select * from unnest(%s)
                on conflict (handle) do update set name = coalesce(excluded.name, creator_info.name)""".formatted(rows.placeholders()),
                rows);
    }

    @Override
    public Map<UUID, OnlineContribution> contributions(Collection<UUID> postIds) {
        Map<UUID, OnlineContribution> found = new HashMap<>();
        query("""
                select post_id, campaign_code, creator_handle, platform, day, impressions, accounts_reached, engagements, version
                from creator_post_contribution where post_id = any (?)""",
                statement -> Jdbc.setArray(statement, 1, "uuid", postIds),
                row -> new OnlineContribution(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getDate(5).toLocalDate(), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9)))
                .forEach(contribution -> found.put(contribution.postId(), contribution));
        return found;
    }

    @Override
    public void saveContributions(Collection<OnlineContribution> contributions) {
        Columns rows = new Columns("uuid", "text", "text", "text", "date", "int8", "int8", "int8", "int8");
        for (OnlineContribution c : contributions) {
            rows.add(c.postId(), c.campaignCode(), c.creatorHandle(), c.platform(), c.day(), c.impressions(), c.accountsReached(),
                    c.engagements(), c.version());
        }
        write("""
                insert into creator_post_contribution (post_id, campaign_code, creator_handle, platform, day, impressions,
                  accounts_reached, engagements, version)
                select * from unnest(%s)
                on conflict (post_id) do update set campaign_code = excluded.campaign_code, creator_handle = excluded.creator_handle,
                  platform = excluded.platform, day = excluded.day, impressions = excluded.impressions,
                  accounts_reached = excluded.accounts_reached, engagements = excluded.engagements, version = excluded.version"""
                .formatted(rows.placeholders()), rows);
    }

    /** In key order, as the workshops' totals: two reach instances lock the rows in the same order. */
    @Override
    public void addToTotals(Map<OnlineContribution.Key, Map<String, OnlineCounters>> differences) {
        Columns rows = new Columns("text", "text", "text", "int8", "int8", "int8", "int8", "int8");
        differences.forEach((key, byCampaign) -> byCampaign.forEach((campaign, d) -> {
            if (!d.isZero()) {
                rows.add(campaign, key.dimension().code, key.value(), d.creators, d.posts, d.impressions, d.accountsReached,
                        d.engagements);
            }
        }));
        write("""
                insert into online_total (campaign_code, dimension, key, creators, posts, impressions, accounts_reached, engagements)
                select * from unnest(%s) order by 1, 2, 3
                on conflict (campaign_code, dimension, key) do update set creators = online_total.creators + excluded.creators,
                  posts = online_total.posts + excluded.posts, impressions = online_total.impressions + excluded.impressions,
                  accounts_reached = online_total.accounts_reached + excluded.accounts_reached,
                  engagements = online_total.engagements + excluded.engagements""".formatted(rows.placeholders()), rows);
    }

    @Override
    public Map<CreatorKey, Long> addToCreators(Map<CreatorKey, Long> posts) {
        Columns rows = new Columns("text", "text", "text", "text", "int8");
        posts.forEach((creator, difference) -> {
            if (difference != 0) {
                rows.add(creator.campaignCode(), creator.key().dimension().code, creator.key().value(), creator.creatorHandle(),
                        difference);
            }
        });
        Map<CreatorKey, Long> after = new HashMap<>();
        if (rows.isEmpty()) {
            return after;
        }
        query("""
                insert into online_creator (campaign_code, dimension, key, creator_handle, posts)
                select * from unnest(%s) order by 1, 2, 3, 4
                on conflict (campaign_code, dimension, key, creator_handle) do update set posts = online_creator.posts + excluded.posts
                returning campaign_code, dimension, key, creator_handle, posts""".formatted(rows.placeholders()), rows::bind, row -> {
            OnlineContribution.Key key = new OnlineContribution.Key(OnlineContribution.Dimension.of(row.getString(2)), row.getString(3));
            return Map.entry(new CreatorKey(row.getString(1), key, row.getString(4)), row.getLong(5));
        }).forEach(changed -> after.put(changed.getKey(), changed.getValue()));
        return after;
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowMapper<T> mapper) {
        return Jdbc.query(dataSource, sql, binder, mapper);
    }

    private void write(String sql, Columns rows) {
        if (!rows.isEmpty()) {
            Jdbc.update(dataSource, sql, rows::bind);
        }
    }
}
