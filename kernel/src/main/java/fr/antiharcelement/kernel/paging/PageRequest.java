package fr.antiharcelement.kernel.paging;

/** Which page of a list: {@code page} from 0, {@code size} items per page (at least 1). */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1, got " + page + " and " + size);
        }
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    /** Items before this page. */
    public long offset() {
        return (long) page * size;
    }
}
