package dev.investigator.rotation;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rotation's embedded store: one JSON file, {@value #FILE_NAME} in the data directory, read once when opened
 * and rewritten whole on every change (to a temporary file in the same directory, flushed, then moved over the old
 * one atomically, so a crash leaves either the old or the new state, never half of one). The state is small: about
 * sixty days and the changes in force. Thread-safe; one store per file and process.
 */
public final class RotationStore {

    public static final String FILE_NAME = "rotation-state.json";
    static final String TEMP_PREFIX = ".rotation-state-";
    static final String TEMP_SUFFIX = ".tmp";

    private static final Logger log = LoggerFactory.getLogger(RotationStore.class);

    /** Moves a fully written temporary file into place; a seam so tests can fail the move. */
    interface Mover {
        void move(Path written, Path target) throws IOException;
    }

    static final Mover ATOMIC = (written, target) -> Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);

    private final Path file;
    private final Mover mover;
    private final RotationStateCodec codec = new RotationStateCodec();
    private RotationState state;

    private RotationStore(Path file, RotationState state, Mover mover) {
        this.file = file;
        this.state = state;
        this.mover = mover;
    }

    /**
     * Opens (creating the directory if needed) the store in {@code dataDir}, reading the state file if there is
     * one.
     *
     * @throws RotationStateException when the directory cannot be created or the file cannot be read or is not a
     *     state file; a damaged file is kept as it is and copied to {@code <file>.corrupt}, never silently dropped
     */
    public static RotationStore open(Path dataDir) {
        return open(dataDir, ATOMIC);
    }

    static RotationStore open(Path dataDir, Mover mover) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new RotationStateException(file, "cannot create the data directory " + dataDir
                    + " for the rotation state (" + e + "); set rotation.data_dir or INVESTIGATOR_DATA_DIR", e);
        }
        removeLeftoverTemps(dataDir);
        if (!Files.exists(file)) {
            log.info("No rotation state at {} yet; starting afresh", file);
            return new RotationStore(file, RotationState.empty(), mover);
        }
        return new RotationStore(file, read(file), mover);
    }

    private static RotationState read(Path file) {
        RotationStateCodec codec = new RotationStateCodec();
        try {
            return codec.read(Files.readAllBytes(file));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw corrupt(file, "is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "is not a rotation state file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RotationStateException(file, file + ": cannot read the rotation state (" + e
                    + "); check the file's permissions", e);
        }
    }

    private static RotationStateException corrupt(Path file, String problem, Exception cause) {
        Path copy = file.resolveSibling(file.getFileName() + ".corrupt");
        String kept;
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            kept = "a copy is kept at " + copy;
        } catch (IOException e) {
            kept = "could not copy it to " + copy + " (" + e + ")";
        }
        return new RotationStateException(file, file + " " + problem + "; " + kept
                + ". Fix the file, or move it away to start with an empty rotation state (hand-offs, swaps,"
                + " replacements and today's check would be forgotten)", cause);
    }

    private static void removeLeftoverTemps(Path dir) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path t : temps) {
                Files.deleteIfExists(t);
                log.info("Removed {} left by an interrupted write", t);
            }
        } catch (IOException e) {
            log.warn("Could not clean leftover temporary files in {}: {}", dir, e.toString());
        }
    }

    public Path file() {
        return file;
    }

    public synchronized RotationState state() {
        return state;
    }

    /**
     * Applies {@code change} and writes the result before making it the current state, so a failed write leaves
     * both the file and the state as they were. Writes nothing when the change changes nothing.
     *
     * @throws RotationStateException when the file cannot be written
     */
    synchronized RotationState update(UnaryOperator<RotationState> change) {
        RotationState next = Objects.requireNonNull(change.apply(state), "change returned null");
        if (next.equals(state)) {
            return state;
        }
        write(next);
        state = next;
        return state;
    }

    private void write(RotationState next) {
        byte[] bytes = codec.write(next);
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                // Flushed before the move: otherwise a power cut could leave the renamed file empty.
                ch.force(true);
            }
            mover.move(temp, file);
        } catch (IOException e) {
            throw new RotationStateException(file, file + ": cannot save the rotation state (" + e
                    + "); the change was not kept", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.warn("Could not remove {}: {}", temp, e.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RotationStore[" + file + "]";
    }
}
