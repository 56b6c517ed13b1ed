package org.safepassage.letters.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.letters.campaign.CampaignRepository;
import org.safepassage.letters.campaign.CampaignState;
import org.safepassage.letters.campaign.LetterCampaign;
import org.safepassage.letters.directory.Representative;
import org.safepassage.letters.writing.WriteForm;
import org.safepassage.letters.writing.Writing;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.system.PublicFormOrigin;
import org.safepassage.system.sharing.ShareCard;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public letter pages: the campaigns, a campaign with its record, and writing in
 * three steps (postcode, then representatives and letter, then the mailed link). Every
 * step is a plain form; nothing needs JavaScript.
 */
@Controller
class LetterPageController {

	private final CampaignRepository campaigns;

	private final CampaignViews views;

	private final Writing writing;

	private final PublicFormOrigin origin;

	LetterPageController(CampaignRepository campaigns, CampaignViews views, Writing writing, PublicFormOrigin origin) {
		this.campaigns = campaigns;
		this.views = views;
		this.writing = writing;
		this.origin = origin;
	}

	/** The public form needs no field markers, as the sign form (no cookie, no token). */
	@InitBinder("form")
	void noFieldMarkers(WebDataBinder binder) {
		binder.setFieldMarkerPrefix(null);
		binder.setFieldDefaultPrefix(null);
	}

	@GetMapping("/letters")
	String list(Locale locale, Model model) {
		model.addAttribute("open", views.listed(campaigns.inStates(CampaignState.OPEN), locale));
		model.addAttribute("closed", views.listed(campaigns.inStates(CampaignState.CLOSED), locale));
		return "letters/list";
	}

	@GetMapping("/letters/{id:\\d+}")
	String show(@PathVariable long id, Model model) {
		return campaignPage(campaign(id), "", null, model);
	}

	/** Step 1 → 2: the postcode's representatives for this campaign's bodies. */
	@GetMapping("/letters/{id:\\d+}/write")
	String write(@PathVariable long id, @RequestParam(defaultValue = "") String postcode, Model model,
			HttpServletResponse response) {
		LetterCampaign campaign = campaign(id);
		if (!campaign.acceptsLetters()) {
			return "redirect:/letters/" + id;
		}
		String typed = postcode.length() > 12 ? postcode.substring(0, 12) : postcode;
		Writing.Lookup lookup = writing.lookUp(campaign, typed);
		if (lookup.problem().isPresent()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return campaignPage(campaign, typed, lookup.problem().get().messageKey(), model);
		}
		model.addAttribute("form", WriteForm.start(typed, campaign.content().suggestedLetter()));
		return writePage(campaign, lookup.representatives(), model);
	}

	/** Step 2 → 3: the letters are stored unconfirmed and the link is mailed. */
	@PostMapping("/letters/{id:\\d+}/write")
	String send(@PathVariable long id, @Valid @ModelAttribute("form") WriteForm form, BindingResult errors,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		LetterCampaign campaign = campaign(id);
		Writing.Lookup lookup = writing.lookUp(campaign, form.postcode());
		lookup.problem()
			.filter(p -> !errors.hasFieldErrors("postcode"))
			.ifPresent(p -> errors.rejectValue(p.field(), p.messageKey()));
		if (origin.sentFromAnotherSite(request)) {
			model.addAttribute("writeError", "form.resubmit");
		}
		if (!errors.hasErrors() && !model.containsAttribute("writeError")) {
			try {
				List<Writing.Problem> problems = writing.write(campaign, form, locale);
				if (problems.isEmpty()) {
					return "redirect:/letters/" + id + "/check-your-email";
				}
				problems.forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
			}
			catch (RuleViolation closed) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("writeError", closed.messageKey());
				return writePage(campaign, lookup.representatives(), model);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return writePage(campaign, lookup.representatives(), model);
	}

	@GetMapping("/letters/{id:\\d+}/check-your-email")
	String checkYourEmail(@PathVariable long id, Model model) {
		model.addAttribute("campaign", campaign(id));
		return "letters/check-email";
	}

	private String writePage(LetterCampaign campaign, List<Representative> representatives, Model model) {
		CampaignView view = views.view(campaign, LocaleContextHolder.getLocale());
		model.addAttribute("campaign", view);
		model.addAttribute(ShareCard.MODEL_NAME, CampaignCardController.shareCard(view));
		model.addAttribute("representatives", representatives);
		model.addAttribute("representativeIds", representatives.stream().map(Representative::id).toList());
		model.addAttribute("representativeLabels",
				representatives.stream().map(r -> r.name() + " · " + r.bodyName() + " · " + r.areaName()).toList());
		return "letters/write";
	}

	private String campaignPage(LetterCampaign campaign, String postcode, String postcodeError, Model model) {
		CampaignView view = views.view(campaign, LocaleContextHolder.getLocale());
		model.addAttribute("campaign", view);
		model.addAttribute(ShareCard.MODEL_NAME, CampaignCardController.shareCard(view));
		model.addAttribute("postcode", postcode);
		model.addAttribute("postcodeError", postcodeError);
		return "letters/campaign";
	}

	private LetterCampaign campaign(long id) {
		return views.publicCampaign(id).orElseThrow(() -> new NotFoundException("No letter campaign " + id));
	}

}
