package org.safepassage.evidence.store;

import java.util.List;

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

	/** Only petitions the public may see are named on public pages. */
	public List<PetitionSummary> publicOnes(List<Long> ids) {
		return ids.stream().flatMap(id -> directory.find(id).stream()).filter(PetitionSummary::publicState).toList();
	}

}
