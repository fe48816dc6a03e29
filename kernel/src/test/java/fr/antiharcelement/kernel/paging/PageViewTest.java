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
    void aPageShortOfFullIsTheLastOneAndIsNotCounted() {
        PageView<String> page = PageView.counting(List.of("a", "b"), PageRequest.of(2, 20), () -> {
            throw new AssertionError("counted");
        });

        assertThat(page.totalItems()).as("totalItems").isEqualTo(42);
        assertThat(page.totalPages()).as("totalPages").isEqualTo(3);
        assertThat(PageView.counting(List.of(), PageRequest.of(0, 20), () -> {
            throw new AssertionError("counted");
        }).totalItems()).as("an empty first page").isZero();
    }

    @Test
    void aFullPageOrAnEmptyPageBeyondTheFirstIsCounted() {
        assertThat(PageView.counting(List.of("a", "b"), PageRequest.of(0, 2), () -> 7).totalItems()).as("a full page").isEqualTo(7);
        assertThat(PageView.counting(List.of(), PageRequest.of(5, 20), () -> 42).totalItems()).as("an empty page past the end")
                .isEqualTo(42);
    }

    @Test
    void aNegativePageOrAnEmptySizeIsRefused() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
