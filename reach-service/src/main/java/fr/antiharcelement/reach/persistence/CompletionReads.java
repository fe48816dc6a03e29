package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.reach.domain.CompletionQueries;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The latest completions, from the contribution rows (the campaign and day index, read backwards). */
@ApplicationScoped
public class CompletionReads implements CompletionQueries {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public List<Completion> latest(String campaign, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return Jdbc.query(connection, """
                    select c.day, c.school_uai, si.name, si.department_name, c.partner_code, p.name, c.audience, c.class_level,
                      c.attendees
                    from workshop_contribution c
                    left join school_info si on si.uai = c.school_uai
                    left join partner_info p on p.code = c.partner_code
                    where c.campaign_code = ? and c.status = 'COMPLETED'
                    order by c.day desc, c.workshop_id
                    limit ?""", statement -> {
                statement.setString(1, campaign);
                statement.setInt(2, limit);
            }, rows -> new Completion(rows.getDate(1).toLocalDate(), rows.getString(2), rows.getString(3), rows.getString(4),
                    rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9)));
        } catch (SQLException e) {
            throw new IllegalStateException("Reach query failed: " + e.getMessage(), e);
        }
    }
}
