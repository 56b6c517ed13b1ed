package org.safepassage.petitions.pack;

import java.time.Instant;

/**
 * A generated delivery pack: who made it when, how many signatures it lists and the
 * SHA-256 of its canonical list. The files are made again from the signatures on each
 * download and refused if they no longer give this digest.
 */
public record DeliveryPack(long id, long petitionId, Instant generatedAt, String generatedBy, long signatures,
		String digest, Instant chosenAt) {
}
