package fr.antiharcelement.kernel.paging;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageViewTest {

    @Test
    void countsTheLastPartialPage() {
        PageView<String> page = PageView.of(List.of("a", "b"), PageRequest.of(2, 20), 42);

        assertThat(page.totalPages()).as("totalPages").isEqualTo(3);
        assertThat(page.page()).as("page").isEqualTo(2);
        assertThat(PageRequest.of(2, 20).offset()).as("offset").isEqualTo(40);
    }

    @Test
    void anEmptyListHasNoPages() {
        assertThat(PageView.of(List.of(), PageRequest.of(0, 20), 0).totalPages()).isZero();
    }

    @Test
    void aNegativePageOrAnEmptySizeIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
