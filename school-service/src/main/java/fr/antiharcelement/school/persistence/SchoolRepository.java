package fr.antiharcelement.school.persistence;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolQuery;
import fr.antiharcelement.school.domain.SchoolStore;
import fr.antiharcelement.school.domain.SearchText;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String>, SchoolStore {

    @Override
    public Optional<School> byUai(String uai) {
        return findByIdOptional(uai);
    }

    @Override
    public Optional<School> byUaiForUpdate(String uai) {
        return findByIdOptional(uai, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public Map<String, School> byUais(Collection<String> uais) {
        Map<String, School> found = new HashMap<>();
        if (!uais.isEmpty()) {
            list("uai in ?1", uais).forEach(school -> found.put(school.uai, school));
        }
        return found;
    }

    @Override
    public Map<String, School> byUaisForUpdate(Collection<String> uais) {
        Map<String, School> found = new HashMap<>();
        if (!uais.isEmpty()) {
            find("uai in ?1 order by uai", uais).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .forEach(school -> found.put(school.uai, school));
        }
        return found;
    }

    @Override
    public void add(School school) {
        persist(school);
    }

    @Override
    public PageView<School> search(SchoolQuery query, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.academy() != null) {
            where.add("academyCode = :academy");
            params.put("academy", query.academy());
        }
        if (query.region() != null) {
            where.add("regionCode = :region");
            params.put("region", query.region());
        }
        if (query.department() != null) {
            where.add("departmentCode = :department");
            params.put("department", Geography.normalizeDepartment(query.department()));
        }
        if (query.type() != null) {
            where.add("type = :type");
            params.put("type", query.type());
        }
        if (query.sector() != null) {
            where.add("sector = :sector");
            params.put("sector", query.sector());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.put("status", query.status());
        }
        if (query.q() != null && !SearchText.of(query.q()).isEmpty()) {
            where.add("searchText like :q");
            params.put("q", "%" + SearchText.of(query.q()) + "%");
        }
        String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        PanacheQuery<School> found = find(condition, Sort.by("name").and("uai"), params).page(Page.of(page.page(), page.size()));
        return PageView.of(found.list(), page, found.count());
    }

    @Override
    public void flushAndForget() {
        EntityManager entityManager = getEntityManager();
        entityManager.flush();
        entityManager.clear();
    }
}
