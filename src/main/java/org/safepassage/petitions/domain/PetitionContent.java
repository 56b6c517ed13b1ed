package org.safepassage.petitions.domain;

import java.time.Instant;
import java.util.List;

/** What a petition says, as its creator wrote it. */
public record PetitionContent(String title, String background, List<String> demands, String target,
		Integer signatureGoal, Instant closingAt) {

	/** The kind under which petitions' translations are kept (system.translations). */
	public static final String TRANSLATION_KIND = "petition";

	public PetitionContent {
		demands = List.copyOf(demands);
	}
}
