package dev.investigator.rotation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/** One Japanese public holiday, named in both languages (振替休日 and 国民の休日 included). */
public record Holiday(LocalDate date, String nameJa, String nameEn) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
    }

    /** The Japanese name for a Japanese locale, the English one otherwise. */
    public String name(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? nameJa : nameEn;
    }
}
