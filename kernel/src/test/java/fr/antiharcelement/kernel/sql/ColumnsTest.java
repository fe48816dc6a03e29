package fr.antiharcelement.kernel.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statement's parameters come from the columns' types; binding them is proven against PostgreSQL by the services. */
class ColumnsTest {

    @Test
    void theParametersAreOneTypedArrayPerColumnInOrder() {
        Columns rows = new Columns("uuid", "text", "int8", "timestamptz");

        assertThat(rows.placeholders()).isEqualTo("?::uuid[], ?::text[], ?::int8[], ?::timestamptz[]");
        assertThat(Columns.placeholders("text", "int4")).isEqualTo("?::text[], ?::int4[]");
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedRatherThanShiftingColumns() {
        Columns rows = new Columns("text", "int8");

        assertThatThrownBy(() -> rows.add("only one")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rows.isEmpty()).isTrue();
        rows.add("a", 1L);
        assertThat(rows.isEmpty()).isFalse();
    }
}
