package fr.antiharcelement.kernel.paging;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a list, with the totals a client needs to page through all of it. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(List<T> items, PageRequest request, long totalItems) {
        return new PageView<>(items, request.page(), request.size(), totalItems,
                (int) ((totalItems + request.size() - 1) / request.size()));
    }

    /**
     * A page of a list whose total is counted by {@code count} only when the page does not tell it: a page short of
     * full, with items or as the first page, is the last one, so the total is the items before it and on it. Most
     * searches fit one page, and then skip the count.
     */
    public static <T> PageView<T> counting(List<T> items, PageRequest request, LongSupplier count) {
        boolean last = items.size() < request.size() && (!items.isEmpty() || request.page() == 0);
        return of(items, request, last ? request.offset() + items.size() : count.getAsLong());
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
