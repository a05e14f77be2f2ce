package dev.investigator.config;

/** A configuration problem, worded for the person editing the file: which file, which key, what is wrong. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException at(String file, String key, String problem) {
        return new ConfigException(file + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }
}
