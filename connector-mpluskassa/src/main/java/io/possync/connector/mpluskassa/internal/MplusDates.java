package io.possync.connector.mpluskassa.internal;

import io.possync.api.internal.Unreadable;
import org.w3c.dom.Element;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * {@code SoapMplusDateTime} ({@code sec, min, hour, day, mon, year, isdst, timezone}) and
 * {@code SoapMplusDate} ({@code day, mon, year}): wall-clock values of the shop's zone (FACTS.md §2).
 * {@code mon} is 1–12 and {@code timezone} the offset in minutes east of UTC: UNCONFIRMED (the WSDL
 * gives only the field names), kept here alone.
 */
public final class MplusDates {

    private MplusDates() {
    }

    /** A {@code SoapMplusDateTime} element named {@code name} for {@code instant} in {@code zone}. */
    public static Xml.El dateTime(String name, Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        return Xml.el(name).add("sec", t.getSecond()).add("min", t.getMinute()).add("hour", t.getHour())
                .add("day", t.getDayOfMonth()).add("mon", t.getMonthValue()).add("year", t.getYear())
                .add("isdst", zone.getRules().isDaylightSavings(instant)).add("timezone", t.getOffset().getTotalSeconds() / 60);
    }

    /** A {@code SoapMplusDate} element. */
    public static Xml.El date(String name, LocalDate date) {
        return Xml.el(name).add("day", date.getDayOfMonth()).add("mon", date.getMonthValue()).add("year", date.getYear());
    }

    /** The instant of a {@code SoapMplusDateTime} element, read in {@code zone}. */
    public static Optional<Instant> instant(Element parent, String name, ZoneId zone) {
        return Xml.child(parent, name).map(e -> {
            try {
                return ZonedDateTime.of(num(e, "year"), num(e, "mon"), num(e, "day"), num(e, "hour"), num(e, "min"), num(e, "sec"), 0,
                        zone).toInstant();
            } catch (NumberFormatException | java.time.DateTimeException x) {
                throw Unreadable.value(name, e.getTextContent(), "a date and time (year, mon, day, hour, min, sec)");
            }
        });
    }

    private static int num(Element e, String field) {
        return Xml.text(e, field).map(Integer::parseInt).orElse(field.equals("mon") || field.equals("day") ? 1 : 0);
    }
}
