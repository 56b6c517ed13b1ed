package org.safepassage.letters.web;

import java.util.List;
import java.util.Locale;

import org.safepassage.letters.campaign.LetterCampaign;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The parliamentary record of the campaigns linked to a petition or an alert. The
 * petition and alert pages hold a plain link here, which htmx swaps for the timeline
 * itself: those modules need to know nothing of letters, and the arrows between modules
 * keep pointing one way.
 */
@Controller
class RecordController {

	private final CampaignViews views;

	RecordController(CampaignViews views) {
		this.views = views;
	}

	@GetMapping("/letters/record")
	String record(@RequestParam(required = false) Long petition, @RequestParam(required = false) Long alert,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
		List<LetterCampaign> campaigns = petition != null ? views.forPetition(petition)
				: alert != null ? views.forAlert(alert) : List.of();
		model.addAttribute("campaigns", campaigns.stream().map(c -> views.view(c, locale)).toList());
		return htmx != null ? "letters/record :: timelines" : "letters/record";
	}

}
