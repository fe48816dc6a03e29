package fr.antiharcelement.kernel.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that looks for work when woken (right after a commit that made some) and, as a safety net, when a
 * wait times out: the work another instance committed, or a wake-up lost with a stopped instance, is still found.
 * Wake-ups do not queue: one look serves every commit that woke the worker while it worked. The outbox relay, the
 * webhook deliveries and the deferred index builds each run one.
 */
public final class WakeableWorker {

    private final String name;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public WakeableWorker(String name) {
        this.name = name;
    }

    /** Starts the thread; {@code loop} looks for work and waits, for as long as {@link #running()}. */
    public void start(Runnable loop) {
        running = true;
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** False once {@link #stop} was called, or the thread interrupted: the loop should return. */
    public boolean running() {
        return running;
    }

    /** Asks the worker to look now (or as soon as its current look ends). */
    public void wake() {
        wakeUps.release();
    }

    /** Whether a wake-up came in since the worker last waited: more work was committed while it worked. */
    public boolean wokenMeanwhile() {
        return wakeUps.availablePermits() > 0;
    }

    /** Waits for a wake-up, at most {@code timeout}; every wake-up received until then is served by the next look. */
    public void awaitWakeUp(Duration timeout) {
        try {
            wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            interrupted();
        }
    }

    /** Waits {@code nanos} whatever wakes it meanwhile; the next look serves those wake-ups. */
    public void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            interrupted();
        }
    }

    /**
     * Ends the loop at its next look, waking it if it waits, and gives its current look up to {@code grace} to end
     * (none if zero: the caller does not wait for it).
     */
    public void stop(Duration grace) {
        running = false;
        wake();
        if (thread != null && grace.toMillis() > 0) {
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void interrupted() {
        Thread.currentThread().interrupt();
        running = false;
    }
}
