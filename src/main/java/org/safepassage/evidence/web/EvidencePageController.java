package org.safepassage.evidence.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.store.EstimateRepository;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.store.LinkedPetitions;
import org.safepassage.evidence.timeline.Timeline;
import org.safepassage.evidence.timeline.TimelineChart;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.system.sharing.ShareCard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public evidence pages: the incident list with filters and search, each incident
 * with its sources side by side, the timeline, and the CSV of what a filter shows. Drafts
 * exist only for researchers.
 */
@Controller
class EvidencePageController {

	private final EvidenceCatalogue catalogue;

	private final EstimateRepository estimates;

	private final EvidenceViews views;

	private final LinkedPetitions petitions;

	private final IncidentLists lists;

	EvidencePageController(EvidenceCatalogue catalogue, EstimateRepository estimates, EvidenceViews views,
			LinkedPetitions petitions, IncidentLists lists) {
		this.catalogue = catalogue;
		this.estimates = estimates;
		this.views = views;
		this.petitions = petitions;
		this.lists = lists;
	}

	/** Researchers and admins may see drafts, on every page, marked as such. */
	static boolean draftsVisible(HttpServletRequest request) {
		return request.isUserInRole("RESEARCHER") || request.isUserInRole("ADMIN");
	}

	@GetMapping("/evidence")
	String list(@Valid @ModelAttribute("filter") IncidentFilter filter, BindingResult errors, Locale locale,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		boolean drafts = draftsVisible(request);
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("organisations", catalogue.organisations(drafts));
		model.addAttribute("estimates",
				estimates.all(drafts ? null : IncidentState.PUBLISHED)
					.stream()
					.map(e -> views.estimate(e, locale))
					.toList());
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "evidence/list";
		}
		lists.addPage(model, "/evidence", filter, drafts, locale);
		return "evidence/list";
	}

	@GetMapping("/evidence/incidents/{id}")
	String incident(@PathVariable long id, Locale locale, Model model, HttpServletRequest request) {
		EvidenceCatalogue.Listed listed = catalogue.incident(id, draftsVisible(request))
			.orElseThrow(() -> new NotFoundException("No incident " + id));
		EvidenceViews.IncidentView incident = views.incident(listed, locale);
		model.addAttribute("incident", incident);
		if (incident.published()) {
			model.addAttribute(ShareCard.MODEL_NAME, IncidentCardController.shareCard(incident));
		}
		model.addAttribute("petitions", petitions.publicOnes(catalogue.petitions(id), locale));
		return "evidence/incident";
	}

	@GetMapping("/evidence/timeline")
	String timeline(@RequestParam(required = false) String kind, Locale locale, Model model,
			HttpServletResponse response) {
		IncidentKind chosen = kind == null || kind.isBlank() ? IncidentKind.FORCED_REPATRIATION
				: EnumNames.find(IncidentKind.class, kind).orElse(null);
		if (chosen == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("kindError", true);
			chosen = IncidentKind.FORCED_REPATRIATION;
		}
		Timeline timeline = Timeline.of(chosen, catalogue.publishedOfKind(chosen));
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("timeline", timeline);
		model.addAttribute("chart", TimelineChart.of(timeline, locale));
		model.addAttribute("imprecise", timeline.imprecise().stream().map(l -> views.incident(l, locale)).toList());
		model.addAttribute("withoutFigure",
				timeline.withoutFigure().stream().map(l -> views.incident(l, locale)).toList());
		return "evidence/timeline";
	}

	@GetMapping("/evidence/incidents.csv")
	String exportCsv(@Valid @ModelAttribute("filter") IncidentFilter filter, BindingResult errors, Locale locale,
			Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (errors.hasErrors()) {
			return list(filter, errors, locale, model, request, response);
		}
		lists.writeCsv(filter, draftsVisible(request), response);
		return null;
	}

}
