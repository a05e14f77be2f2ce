package dev.investigator.bench;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The one table a bench run prints: rows grouped by the scenario that measured them. */
record BenchTable(List<Section> sections) {

    record Row(String figure, String value) {
        Row {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(value, "value");
        }
    }

    record Section(String group, List<Row> rows) {
        Section {
            Objects.requireNonNull(group, "group");
            rows = List.copyOf(rows);
        }
    }

    BenchTable {
        sections = List.copyOf(sections);
    }

    /** The row with that figure in that group, if the run produced it. */
    Optional<Row> row(String group, String figure) {
        return sections.stream().filter(s -> s.group().equals(group)).flatMap(s -> s.rows().stream())
                .filter(r -> r.figure().equals(figure)).findFirst();
    }

    /** GitHub Markdown; the group is named on its first row only, so the groups stand out. */
    String markdown() {
        StringBuilder out = new StringBuilder("| scenario | figure | value |\n|---|---|---|\n");
        for (Section section : sections) {
            boolean first = true;
            for (Row row : section.rows()) {
                out.append("| ").append(first ? cell(section.group()) : "").append(" | ").append(cell(row.figure()))
                        .append(" | ").append(cell(row.value())).append(" |\n");
                first = false;
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
