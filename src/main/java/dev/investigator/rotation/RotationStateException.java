package dev.investigator.rotation;

import java.nio.file.Path;

/** The rotation's state file cannot be read or written; the message names the file and what to do. */
public final class RotationStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public RotationStateException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
