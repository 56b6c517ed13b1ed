package org.safepassage.cases;

import java.util.List;
import java.util.Locale;

import org.safepassage.cases.store.CaseRepository;
import org.springframework.stereotype.Service;

/**
 * The cases module's query API for other modules and their pages: which published cases
 * speak for a petition, incident, alert or letter campaign. Only the pseudonym and the
 * public address leave the module; the pages include the fragment
 * {@code cases/speaks-for :: list(kind, id)}, which asks this bean.
 */
@Service
public class CaseDirectory {

	private final CaseRepository cases;

	CaseDirectory(CaseRepository cases) {
		this.cases = cases;
	}

	/** A published case as another page names it: "Speaks for: Ms K.". */
	public record SpeaksFor(String pseudonym, String path) {
	}

	public List<SpeaksFor> publishedFor(CaseLink link) {
		return this.cases.publishedFor(link).stream().map(c -> new SpeaksFor(c.pseudonym(), c.path())).toList();
	}

	/** For templates: {@code kind} is petition, incident, alert or letter_campaign. */
	public List<SpeaksFor> publishedFor(String kind, long id) {
		return publishedFor(new CaseLink(CaseLink.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), id));
	}

}
