package fr.antiharcelement.api.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/**
 * Optional paging of a short list that is answered whole by default (campaigns, partners): {@code page} and
 * {@code size} bounded as in {@link PageParams}, the body stays a JSON array, so that a client reading the whole list
 * keeps working, and {@value #TOTAL_COUNT} tells how many items there are in all pages.
 */
public class ListPage {

    public static final String TOTAL_COUNT = "X-Total-Count";
    private static final int DEFAULT_SIZE = 20;

    @QueryParam("page")
    @Min(0)
    @Max(1_000_000)
    @Parameter(description = "Page number, from 0 (default size 20); without page and size, every item")
    public Integer page;

    @QueryParam("size")
    @Min(1)
    @Max(PageParams.MAX_SIZE)
    @Parameter(description = "Items per page, 1 to " + PageParams.MAX_SIZE)
    public Integer size;

    /** 200 with the requested page of {@code all} (all of it without page and size) and the total in X-Total-Count. */
    public Response answer(List<?> all) {
        List<?> items = all;
        if (page != null || size != null) {
            int pageSize = size == null ? DEFAULT_SIZE : size;
            int first = (int) Math.min(all.size(), (long) (page == null ? 0 : page) * pageSize);
            items = all.subList(first, Math.min(all.size(), first + pageSize));
        }
        return Response.ok(items, MediaType.APPLICATION_JSON).header(TOTAL_COUNT, all.size()).build();
    }
}
