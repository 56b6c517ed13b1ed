package org.safepassage.petitions;

public enum PetitionState {

	DRAFT, SUBMITTED, OPEN, CLOSED, DELIVERED, REJECTED, HIDDEN;

	/** States the public may see. */
	public boolean isPublic() {
		return this == OPEN || this == CLOSED || this == DELIVERED;
	}

}
