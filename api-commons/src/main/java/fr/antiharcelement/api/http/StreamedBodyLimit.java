package fr.antiharcelement.api.http;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a body sent without a declared length (chunked) once it passes its path's limit, with {@link BodyTooLarge},
 * which the problem mappers answer as a 413 problem. Quarkus' own stream limit would answer a bare 413 instead, from
 * below the mappers, so it is left at the server's limit and this one, lower for JSON paths, comes first.
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    @Inject
    RequestBodyLimits limits;

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limits.limitFor(request.getCurrent().normalizedPath());
        context.setInputStream(new Limited(context.getInputStream(), limit));
        return context.proceed();
    }

    /** A body longer than its operation accepts; nothing past the limit was read. */
    public static final class BodyTooLarge extends IOException {
        private final long limit;

        BodyTooLarge(long limit) {
            super("The body is larger than the " + limit + " bytes this operation accepts.");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never more than one byte past the limit, so that a body of exactly the limit is read whole.
            int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - read + 1));
            count(skipped);
            return skipped;
        }

        private void count(long n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }
    }
}
