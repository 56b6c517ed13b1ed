package org.safepassage.petitions;

import java.time.Instant;

/** Past-tense facts other modules may react to. */
public final class PetitionEvents {

	private PetitionEvents() {
	}

	public record PetitionOpened(long petitionId, String title, Instant at) {
	}

	public record PetitionClosed(long petitionId, Instant at) {
	}

	public record PetitionDelivered(long petitionId, Instant at) {
	}

	public record SignatureConfirmed(long petitionId, long signatureId, String email, String name, String locale,
			boolean keepUpdated, Instant at) {
	}

}
