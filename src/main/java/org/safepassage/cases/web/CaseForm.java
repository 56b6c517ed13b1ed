package org.safepassage.cases.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.cases.domain.AgeBand;
import org.safepassage.cases.domain.CaseContent;
import org.safepassage.cases.domain.Gender;
import org.safepassage.cases.domain.Situation;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;

/**
 * The public part of a case as staff type it: what may be told. Nothing protected goes
 * here; that has its own form ({@link ProtectedForm}). The story's translations are sent
 * as {@code storyTranslations[ko]}, one box per language, under the story's own limits;
 * an empty box means not translated.
 */
record CaseForm(@NotBlank @Size(max = 80) @PlainText String pseudonym,
		@OneOf(value = AgeBand.class, message = "{cases.ageBand.invalid}") String ageBand,
		@OneOf(value = Gender.class, message = "{cases.gender.invalid}") String gender,
		@NotBlank @OneOf(value = Situation.class, message = "{cases.situation.invalid}") String situation,
		@Size(max = 10) @IsoDate String situationSince, @Size(max = 10) @IsoDate String lastHeardOn,
		@NotBlank @Size(max = 20000) @PlainText(multiline = true) String story,
		@Size(max = 10) Map<String, @Size(max = 20000) @PlainText(multiline = true) String> storyTranslations,
		@Size(max = 50) List<Long> incidentIds, @Size(max = 50) List<Long> petitionIds,
		@Size(max = 50) List<Long> alertIds, @Size(max = 50) List<Long> letterCampaignIds) {

	CaseForm {
		// A form sent without any translation box (the create form) binds none.
		storyTranslations = storyTranslations == null ? Map.of() : storyTranslations;
	}

	static CaseForm empty() {
		return new CaseForm("", "", "UNDISCLOSED", "AT_RISK_OF_RETURN", "", "", "", Map.of(), List.of(), List.of(),
				List.of(), List.of());
	}

	static CaseForm of(CaseContent c) {
		return new CaseForm(c.pseudonym(), c.ageBand() == null ? "" : c.ageBand().name(),
				c.gender() == null ? "" : c.gender().name(), c.situation().name(),
				c.situationSince() == null ? "" : c.situationSince().toString(),
				c.lastHeardOn() == null ? "" : c.lastHeardOn().toString(), c.story(), c.storyTranslations(),
				c.links().incidentIds(), c.links().petitionIds(), c.links().alertIds(), c.links().letterCampaignIds());
	}

	static List<Long> ids(List<Long> ids) {
		return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
	}

	/** Call only once the form is valid. */
	CaseContent toContent() {
		return new CaseContent(pseudonym.strip(), EnumNames.parse(AgeBand.class, ageBand),
				EnumNames.parse(Gender.class, gender), EnumNames.parse(Situation.class, situation),
				FormValues.day(situationSince), FormValues.day(lastHeardOn), story.strip(), storyTranslations,
				new CaseContent.Links(ids(incidentIds), ids(petitionIds), ids(alertIds), ids(letterCampaignIds)));
	}

}
