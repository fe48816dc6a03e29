package fr.antiharcelement.bench;

import fr.antiharcelement.infra.testing.TestInfrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How busy the machine's CPUs were, and how much of that came from processes this benchmark did not start (another
 * build, another test suite): sampled every second from /proc, so that a disturbed figure can be recognised.
 */
final class CpuShare {

    /** The group of this JVM, the load generator: left out of the system under test's CPU. */
    static final String LOAD_GENERATOR = "benchmark";

    private static final CpuShare INSTANCE = new CpuShare();

    /** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<Long, Long> ticksByOwnProcess = new HashMap<>();
    private final Map<Long, String> groupOfProcess = new HashMap<>();
    private final Map<String, Long> ticksByGroup = new java.util.TreeMap<>();
    /** Of those, the ticks of the JVMs' JIT compiler threads, by group; and by thread, to add only what each did since. */
    private final Map<String, Long> compilerTicksByGroup = new java.util.TreeMap<>();
    private final Map<Long, Long> ticksByCompilerThread = new HashMap<>();
    private long totalBusy;
    private long totalAll;
    private long ownBusy;
    private long[] lastMachine;
    private long markBusy;
    private long markAll;
    private long markOwn;

    private CpuShare() {
    }

    static void start() {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            return;
        }
        INSTANCE.sample();
        Thread sampler = new Thread(() -> {
            while (true) {
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                INSTANCE.sample();
            }
        }, "cpu-share");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Shares of the whole machine's CPU, in percent; {@code others} is what processes not started by the benchmark used. */
    record Share(int busy, int others) {
        static final Share UNKNOWN = new Share(-1, -1);

        @Override
        public String toString() {
            return busy < 0 ? "unknown" : "machine busy " + busy + "%, of which processes not started by the benchmark " + others + "%";
        }
    }

    /** How busy the machine was since the previous call, and how much of it came from other processes. */
    static Share sinceLastMark() {
        return INSTANCE.mark();
    }

    private synchronized Share mark() {
        long all = totalAll - markAll;
        long busy = totalBusy - markBusy;
        long own = ownBusy - markOwn;
        markAll = totalAll;
        markBusy = totalBusy;
        markOwn = ownBusy;
        if (all <= 0) {
            return Share.UNKNOWN;
        }
        return new Share((int) (100 * busy / all), (int) Math.max(0, 100 * (busy - own) / all));
    }

    private synchronized void sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < cpu.length; i++) {
                all += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long[] machine = {all, all - idle};
            if (lastMachine != null) {
                totalAll += machine[0] - lastMachine[0];
                totalBusy += machine[1] - lastMachine[1];
            }
            lastMachine = machine;
            ProcessHandle self = ProcessHandle.current();
            Stream.concat(Stream.concat(Stream.of(self), self.descendants()), postgres()).forEach(process -> {
                long ticks = ticks(process.pid());
                long before = ticksByOwnProcess.getOrDefault(process.pid(), 0L);
                if (ticks > before) { // 0 when it ended meanwhile
                    ticksByOwnProcess.put(process.pid(), ticks);
                    ownBusy += ticks - before;
                    String group = groupOfProcess.computeIfAbsent(process.pid(), pid -> group(process));
                    ticksByGroup.merge(group, ticks - before, Long::sum);
                    if (!group.equals("postgres") && !group.equals("other")) {
                        compilerTicksByGroup.merge(group, compilerTicks(process.pid()), Long::sum);
                    }
                }
            });
        } catch (IOException | RuntimeException unreadable) {
            // a process that ended between listing and reading: the next sample catches up
        }
    }

    /**
     * CPU seconds used so far by each kind of process the benchmark started ({@code used}), and of those by the JIT
     * compiler threads of each JVM ({@code compiling}): high while a JVM still compiles what the load runs through,
     * which takes thousands of requests and costs as much as the requests themselves (see {@link WarmUp}).
     */
    record Snapshot(Map<String, Double> used, Map<String, Double> compiling) {
    }

    /** Both tallies from one fresh sample of /proc. */
    static Snapshot now() {
        synchronized (INSTANCE) {
            INSTANCE.sample();
            return new Snapshot(seconds(INSTANCE.ticksByGroup), seconds(INSTANCE.compilerTicksByGroup));
        }
    }

    private static Map<String, Double> seconds(Map<String, Long> ticksByGroup) {
        Map<String, Double> seconds = new java.util.TreeMap<>();
        ticksByGroup.forEach((group, ticks) -> seconds.put(group, ticks / TICKS_PER_SECOND));
        return seconds;
    }

    /** "school-service 12.1 s, postgres 8.0 s, ..." used between two tallies of {@link #now()}, and their total. */
    static String describe(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((group, seconds) -> {
            double delta = seconds - before.getOrDefault(group, 0.0);
            if (delta >= 0.05) {
                text.append(text.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.1f s", group, delta));
            }
        });
        return text.append(String.format(java.util.Locale.ROOT, " (system under test %.1f s)", total(before, after))).toString();
    }

    /** CPU seconds of every process the benchmark started, the load generator included. */
    static double all(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
    }

    /** CPU seconds of the system under test (services, PostgreSQL, Kafka), the load generator left out. */
    static double total(Map<String, Double> before, Map<String, Double> after) {
        return all(before, after) - (after.getOrDefault(LOAD_GENERATOR, 0.0) - before.getOrDefault(LOAD_GENERATOR, 0.0));
    }

    /** What a process is, from its full command line (ProcessHandle.Info truncates long ones). */
    private static String group(ProcessHandle process) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return LOAD_GENERATOR;
        }
        String command;
        try {
            command = Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "other";
        }
        if (command.contains("quarkus-run.jar")) {
            // A service runs in its jar's directory and names the jar alone (ServiceProcess): the directory says which.
            try {
                command += " " + Files.readSymbolicLink(Path.of("/proc/" + process.pid() + "/cwd")) + "/";
            } catch (IOException | RuntimeException gone) {
                return "other";
            }
        }
        java.util.regex.Matcher service = java.util.regex.Pattern.compile("/([a-z-]+-service)/target/quarkus-app").matcher(command);
        if (service.find()) {
            return service.group(1);
        }
        if (command.contains("kafka.Kafka")) {
            return "kafka";
        }
        return command.startsWith("postgres") || command.contains("/bin/postgres ") ? "postgres" : "other";
    }

    /** PostgreSQL and its backends: pg_ctl detaches the server, so it is no descendant of this JVM. */
    private static Stream<ProcessHandle> postgres() {
        Path pidFile = TestInfrastructure.home().resolve("postgres/postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).stream().flatMap(server -> Stream.concat(Stream.of(server), server.descendants()));
        } catch (IOException | RuntimeException notRunning) {
            return Stream.empty();
        }
    }

    /**
     * The ticks the compiler threads of one JVM ("C1 CompilerThre", "C2 CompilerThre" as the kernel truncates their
     * names) used since the last look. Compiler threads come and go with the load, hence the count per thread.
     */
    private long compilerTicks(long pid) {
        long added = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String name = Files.readString(thread.resolve("comm"));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    long tid = Long.parseLong(thread.getFileName().toString());
                    long ticks = ticks(thread.resolve("stat"));
                    Long before = ticksByCompilerThread.put(tid, ticks);
                    added += Math.max(0, ticks - (before == null ? 0 : before));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process or a thread ended meanwhile: what it did since the last look is not counted
        }
        return added;
    }

    /** User and system CPU ticks of one process, 0 when it is gone. */
    private static long ticks(long pid) {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    /** User and system CPU ticks from a process's or a thread's stat file, 0 when it is gone. */
    private static long ticks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
