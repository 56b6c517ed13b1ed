package org.safepassage.petitions.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test fixtures named by state. */
public final class Petitions {

	private Petitions() {
	}

	public static long openPetition(PetitionRepository repository, String title) {
		return openPetition(repository, title, Instant.now().plus(Duration.ofDays(30)));
	}

	public static long openPetition(PetitionRepository repository, String title, Instant closingAt) {
		Instant now = Instant.now();
		long id = repository.save(Petition.draft(new PetitionContent(title, "Why it matters.\n\nSecond paragraph.",
				List.of("Grant refugee status", "Allow safe passage", "Stop forced returns"), "Embassy", 1000,
				closingAt), "test", now));
		Petition draft = repository.find(id).orElseThrow();
		draft.submit(now);
		repository.save(draft);
		Petition submitted = repository.find(id).orElseThrow();
		submitted.open(now);
		repository.save(submitted);
		return id;
	}

}
