package io.possync.examples;

import java.util.List;
import java.util.regex.Pattern;

/** The part of the demo's output the README shows — its summary tables, rejections and totals — without the time column. */
final class DemoOutput {

    private static final Pattern TIME_COLUMN = Pattern.compile("\\s+(\\d+\\.\\d s|time)$");
    private static final Pattern TABLE_LINE = Pattern.compile(
            "^(day 1|day 2 \\(only the changes move\\)|flow\\s.*|-{20,}|\\S.*\\s\\d+\\.\\d s|  rejected in .*"
                    + "|payments entered in .*|contact persons of .*)$");

    private DemoOutput() {
    }

    /** The table lines of {@code text} in order, time column removed, trailing spaces trimmed. */
    static List<String> tables(String text) {
        return text.lines()
                .filter(line -> TABLE_LINE.matcher(line).matches())
                .map(line -> TIME_COLUMN.matcher(line).replaceFirst("").stripTrailing())
                .toList();
    }
}
