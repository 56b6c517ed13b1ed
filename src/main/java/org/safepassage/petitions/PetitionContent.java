package org.safepassage.petitions;

import java.time.Instant;
import java.util.List;

/** What a petition says, as its creator wrote it. */
record PetitionContent(String title, String background, List<String> demands, String target, Integer signatureGoal,
		Instant closingAt) {

	PetitionContent {
		demands = List.copyOf(demands);
	}
}
