package fr.antiharcelement.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.testing.ChildService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of {@code ./run bench report}: reads the figures every benchmark of the run appended to
 * {@code -Dbench.figures} and writes docs/benchmarks.md, each figure beside the baseline it is read against.
 */
public final class BenchmarkReport {

    private static final Pattern AIM = Pattern.compile("(p99 )?([≥≤]) ([0-9,.]+).*");
    private static final Pattern RELATIVE_AIM = Pattern.compile("(p99 )?([≥≤]) ([0-9.]+)(%|×) (?:of )?(.+)");

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final Map<Baseline, Figure> baselines = new EnumMap<>(Baseline.class);

    private BenchmarkReport(List<String> lines) throws IOException {
        for (String line : lines) {
            JsonNode node = Http.JSON.readTree(line);
            if (node.has("note")) {
                notes.put(node.get("note").asText(), node.get("value").asText());
            } else {
                Figure figure = Http.JSON.treeToValue(node, Figure.class);
                figures.add(figure);
                if (figure.provides() != null) {
                    baselines.put(figure.provides(), figure);
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(System.getProperty("bench.figures"));
        Path target = Path.of(System.getProperty("bench.report"));
        Instant started = Instant.ofEpochSecond(Long.getLong("bench.started", Instant.now().getEpochSecond()));
        Run run = new Run(System.getProperty("bench.commit", "unknown"), started, Duration.between(started, Instant.now()),
                System.getProperty("bench.options", "").trim(), System.getProperty("bench.failed", "").trim());
        Files.writeString(target, render(Files.readAllLines(source), run));
        System.out.println("[bench] wrote " + target);
    }

    /** What the report says of the run itself: the code measured, when, how long, with which options, what failed. */
    record Run(String commit, Instant started, Duration took, String options, String failed) {
    }

    /** docs/benchmarks.md from the figures' JSON lines, as the benchmarks appended them. */
    static String render(List<String> figureLines, Run run) throws IOException {
        return new BenchmarkReport(figureLines).markdown(run);
    }

    private String markdown(Run run) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("<!-- Written by `./run bench report` (benchmarks/src/main/java/fr/antiharcelement/bench/BenchmarkReport.java):"
                        + " run it again rather than editing this file. -->\n\n")
                .append("Figures of one run of `./run bench report` started on ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(run.started().atOffset(ZoneOffset.UTC)))
                .append(", commit `").append(run.commit()).append("`, ").append(run.took().toMinutes()).append(" min in all. Every figure is")
                .append(" read against a baseline measured in the same run on the same machine: what the machine gives with none")
                .append(" of our code in the way. How each figure is measured, and why some are below their aim:")
                .append(" [benchmark-methods.md](benchmark-methods.md).\n\n");
        if (!run.options().isEmpty()) {
            md.append("Sizes changed from the defaults for this run (`BENCH_OPTS`): `").append(run.options()).append("`.\n\n");
        }
        if (!run.failed().isEmpty()) {
            md.append("**Failed in this run: ").append(run.failed()).append("** (their figures are missing or partial; the run's output says why).\n\n");
        }

        md.append("## The machine\n\n");
        notes.forEach((label, value) -> md.append("- ").append(label).append(": ").append(value).append('\n'));
        md.append("- everything on the same cores: load generator, services, PostgreSQL, Kafka. \"Others' CPU\" below is the share of")
                .append(" the machine used by processes the benchmark did not start during that measurement (above a few percent,")
                .append(" the figure was disturbed); \"CPU per operation\" is what the services, PostgreSQL and Kafka spent,")
                .append(" load generator left out.\n\n");

        md.append("## Baselines\n\n| baseline | measured | CPU per operation |\n|---|---|---|\n");
        for (Figure baseline : baselines.values()) {
            if (baseline.unit() == Figure.Unit.PER_SECOND || baseline.unit() == Figure.Unit.MILLISECONDS) {
                md.append("| ").append(baseline.name()).append(" | ").append(baseline.measured()).append(" | ")
                        .append(orDash(baseline.cpuPerOperation())).append(" |\n");
            }
        }
        if (baselines.isEmpty()) {
            md.append("| not measured: `./run bench baseline` did not run | | |\n");
        }

        md.append("\n## Figures\n\n")
                .append("Rates are read as a share of their baseline's rate; latencies as a multiple of their baseline's p99.\n\n")
                .append("| benchmark | figure | measured | aim | met | against the baseline | others' CPU | CPU per operation |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            if (figure.provides() != null || figure.unit() == Figure.Unit.SECONDS || figure.unit() == Figure.Unit.MEGABYTES) {
                continue;
            }
            md.append("| ").append(figure.benchmark()).append(" | ").append(figure.name()).append(" | **").append(figure.measured())
                    .append("** | ").append(orDash(figure.aim())).append(" | ").append(met(figure)).append(" | ")
                    .append(against(figure)).append(" | ").append(figure.othersCpu() == null ? "—" : figure.othersCpu() + "%")
                    .append(" | ").append(orDash(figure.cpuPerOperation())).append(" |\n");
        }

        md.append("\n## Start-up and memory\n\n")
                .append("Start-up: from the launch of `java ").append(String.join(" ", ChildService.JVM_OPTIONS))
                .append(" -jar quarkus-run.jar`, with the options")
                .append(" `ServiceProcess` gives every service (native heap trimming, its compiler's settings, the")
                .append(" class-data archive), to the first ready answer of")
                .append(" `/q/health/ready`, on a new database (migrations included), median of the starts. Resident memory: the")
                .append(" process's VmRSS once ready, and its peak (VmHWM) at the end of each benchmark that ran it.\n\n")
                .append("| benchmark | figure | measured | aim | met | against the baseline |\n|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            if (figure.unit() == Figure.Unit.SECONDS || figure.unit() == Figure.Unit.MEGABYTES) {
                md.append("| ").append(figure.benchmark()).append(" | ").append(figure.name()).append(" | **").append(figure.measured())
                        .append("** | ").append(orDash(figure.aim())).append(" | ").append(met(figure)).append(" | ")
                        .append(figure.provides() != null ? "(baseline)" : against(figure)).append(" |\n");
            }
        }
        return md.toString();
    }

    /** "3.1% of trivial Quarkus JSON GET, 16 clients (9,812 /s)", one line per baseline. */
    private String against(Figure figure) {
        List<String> parts = new ArrayList<>();
        for (Baseline baseline : figure.against()) {
            Figure base = baselines.get(baseline);
            if (base == null) {
                parts.add(baseline.label + ": not measured");
                continue;
            }
            String ratio = switch (figure.unit()) {
                case PER_SECOND -> "**" + percent(figure.value() / base.value()) + "** of";
                case MILLISECONDS -> "**p99 ×" + times(figure.p99() / base.p99()) + "** that of";
                default -> "**×" + times(figure.value() / base.value()) + "** the";
            };
            parts.add(ratio + " " + baseline.label + " (" + base.measured() + ")");
        }
        return parts.isEmpty() ? "—" : String.join("<br>", parts);
    }

    /**
     * Whether an aim was met. An aim is one or more clauses joined by " and ": absolute ("≥ 5,000 /s", "p99 ≤ 50 ms",
     * "≤ 2.0 s", "0") or read against a baseline the figure names ("≥ 50% of pgbench tpcb-like", "p99 ≤ 2× Kafka
     * one-record"), the baseline found by the start of its label among those the figure is read against.
     */
    private String met(Figure figure) {
        String aim = figure.aim();
        if (aim == null || aim.isEmpty()) {
            return "—";
        }
        boolean all = true;
        for (String clause : aim.split(" and ")) {
            Boolean ok = clauseMet(figure, clause.trim());
            if (ok == null) {
                return "?";
            }
            all &= ok;
        }
        return all ? "yes" : "**no**";
    }

    private Boolean clauseMet(Figure figure, String clause) {
        Matcher relative = RELATIVE_AIM.matcher(clause);
        if (relative.matches()) {
            Figure base = figure.against().stream().filter(b -> b.label.startsWith(relative.group(5))).map(baselines::get)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (base == null) {
                return null;
            }
            double factor = Double.parseDouble(relative.group(3)) / (relative.group(4).equals("%") ? 100 : 1);
            Double measured = relative.group(1) != null ? figure.p99() : figure.value();
            Double reference = relative.group(1) != null ? base.p99() : base.value();
            return measured == null || reference == null ? null : compare(measured, relative.group(2), factor * reference);
        }
        Matcher matcher = AIM.matcher(clause);
        if (matcher.matches()) {
            Double measured = matcher.group(1) != null ? figure.p99() : figure.value();
            return measured == null ? null : compare(measured, matcher.group(2), Double.parseDouble(matcher.group(3).replace(",", "")));
        }
        if (figure.value() != null && clause.matches("[0-9]+")) {
            return figure.value() == Double.parseDouble(clause);
        }
        return null;
    }

    private static boolean compare(double measured, String operator, double limit) {
        return operator.equals("≥") ? measured >= limit : measured <= limit;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, share < 0.1 ? "%.1f%%" : "%.0f%%", 100 * share);
    }

    private static String times(double factor) {
        return String.format(Locale.ROOT, factor < 10 ? "%.1f" : "%.0f", factor);
    }

    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "—" : text;
    }
}
