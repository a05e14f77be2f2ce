package dev.investigator.alert;

import java.util.Optional;

/** Recognises one vendor's alert posts. Anything else, including that vendor's other posts, is empty. */
public interface AlertParser {

    AlertVendor vendor();

    /** The alert in the post, or empty; never throws on odd input. */
    Optional<Alert> parse(AlertPost post);
}
