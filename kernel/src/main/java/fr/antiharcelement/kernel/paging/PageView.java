package fr.antiharcelement.kernel.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the totals a client needs to page through all of it. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(List<T> items, PageRequest request, long totalItems) {
        return new PageView<>(items, request.page(), request.size(), totalItems,
                (int) ((totalItems + request.size() - 1) / request.size()));
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
