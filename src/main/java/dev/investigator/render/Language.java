package dev.investigator.render;

import java.util.Locale;

/** The language every user-visible message is written in. */
public enum Language {
    EN(Locale.ENGLISH),
    JA(Locale.JAPANESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * Parses a configuration or command value: "en" or "ja", in any case, surrounding blanks ignored.
     *
     * @throws IllegalArgumentException naming the accepted values when the text is neither
     */
    public static Language parse(String text) {
        if (text != null) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (language.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return language;
                }
            }
        }
        throw new IllegalArgumentException("unknown language \"" + text + "\": use \"en\" or \"ja\"");
    }
}
