package org.safepassage.petitions.pack;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A day's checkpoint of a petition collecting signatures: the valid signatures confirmed
 * before the end of {@code day} (UTC), their count and digest, and the chain value that
 * links it to the checkpoint before.
 */
public record Checkpoint(LocalDate day, long signatures, String digest, String chain, Instant recordedAt) {
}
