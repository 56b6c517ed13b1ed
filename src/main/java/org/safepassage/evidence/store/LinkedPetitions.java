package org.safepassage.evidence.store;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.petitions.PetitionDirectory.PetitionSummary;
import org.springframework.stereotype.Component;

/** Petitions that evidence may be linked to, as the petitions module describes them. */
@Component
public class LinkedPetitions {

	private final PetitionDirectory directory;

	LinkedPetitions(PetitionDirectory directory) {
		this.directory = directory;
	}

	public List<PetitionSummary> options() {
		return directory.all();
	}

	public boolean allExist(List<Long> ids) {
		return ids == null || ids.stream().allMatch(id -> id != null && directory.find(id).isPresent());
	}

	/**
	 * Whether the public may see a petition, answered from one lookup of them all: an
	 * export asks for every incident's links.
	 */
	public Predicate<Long> visibleToPublic() {
		Set<Long> visible = directory.all()
			.stream()
			.filter(PetitionSummary::publicState)
			.map(PetitionSummary::id)
			.collect(Collectors.toSet());
		return visible::contains;
	}

	/**
	 * Only petitions the public may see are named on public pages, by their titles in the
	 * reader's language where translated.
	 */
	public List<PetitionSummary> publicOnes(List<Long> ids, Locale reader) {
		return ids.stream()
			.flatMap(id -> directory.find(id, reader).stream())
			.filter(PetitionSummary::publicState)
			.toList();
	}

}
