package org.safepassage.alerts.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.alerts.domain.AlertKind;
import org.safepassage.alerts.domain.AlertLifecycle;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.alerts.domain.LanguagePlan;
import org.safepassage.alerts.subscribers.Subscriptions;
import org.safepassage.evidence.IncidentDirectory;
import org.safepassage.petitions.PetitionDirectory;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.StaffAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Campaign staff write alerts, schedule or send them, and watch, pause and resume a send.
 */
@Controller
@RequestMapping("/admin/alerts")
class AlertAdminController {

	private final AlertRepository alerts;

	private final AlertLifecycle lifecycle;

	private final AlertViews views;

	private final AlertsProperties properties;

	private final PetitionDirectory petitions;

	private final IncidentDirectory incidents;

	private final Subscriptions subscriptions;

	private final Clock clock;

	private final LanguagePlan plan;

	AlertAdminController(AlertRepository alerts, AlertLifecycle lifecycle, AlertViews views,
			AlertsProperties properties, PetitionDirectory petitions, IncidentDirectory incidents,
			Subscriptions subscriptions, Clock clock, LanguagePlan plan) {
		this.plan = plan;
		this.alerts = alerts;
		this.lifecycle = lifecycle;
		this.views = views;
		this.properties = properties;
		this.petitions = petitions;
		this.incidents = incidents;
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		int pageNumber = Math.max(0, Math.min(page, 10_000));
		var found = alerts.all(51, pageNumber * 50);
		model.addAttribute("alerts", found.stream().limit(50).map(a -> views.original(a, locale)).toList());
		model.addAttribute("previousPage", pageNumber > 0 ? pageNumber - 1 : null);
		model.addAttribute("nextPage", found.size() > 50 ? pageNumber + 1 : null);
		model.addAttribute("subscribers", subscriptions.countsByState());
		return "admin/alerts/list";
	}

	@GetMapping("/new")
	String newAlert(Locale locale, Model model) {
		model.addAttribute("form", AlertForm.empty(properties.language(locale.toLanguageTag()),
				LocalDate.now(clock.withZone(properties.zone()))));
		return formPage(null, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") AlertForm form, BindingResult errors, Model model, Principal principal,
			HttpServletResponse response) {
		check(form, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return formPage(null, model);
		}
		long id = lifecycle.create(form.toContent(), principal.getName());
		return "redirect:/admin/alerts/" + id;
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Locale locale, Model model) {
		AlertRepository.Stored stored = find(id);
		model.addAttribute("alert", views.original(stored, locale));
		List<LanguagePlan.Line> languages = plan.of(stored);
		model.addAttribute("languages", languages);
		model.addAttribute("audience", LanguagePlan.willReceive(languages));
		model.addAttribute("progress", lifecycle.progress(id));
		model.addAttribute("zone", properties.zone());
		model.addAttribute("scheduledAt",
				stored.alert().scheduledAt() == null ? null
						: stored.alert()
							.scheduledAt()
							.atZone(properties.zone())
							.toLocalDateTime()
							.toString()
							.replace('T', ' '));
		if (!model.containsAttribute("scheduleForm")) {
			model.addAttribute("scheduleForm", new ScheduleForm(""));
		}
		return "admin/alerts/show";
	}

	/** The live progress bar: htmx polls this fragment while an alert is being sent. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Locale locale, Model model) {
		AlertRepository.Stored stored = find(id);
		model.addAttribute("alert", views.original(stored, locale));
		model.addAttribute("progress", lifecycle.progress(id));
		return "admin/alerts/show :: progress";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		AlertRepository.Stored stored = find(id);
		model.addAttribute("form", AlertForm.of(stored.alert().content()));
		return formPage(id, model);
	}

	@PostMapping("/{id}")
	String revise(@PathVariable long id, @Valid @ModelAttribute("form") AlertForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		find(id);
		check(form, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return formPage(id, model);
		}
		return act(id, redirect, () -> lifecycle.revise(id, form.toContent()));
	}

	@PostMapping("/{id}/schedule")
	String schedule(@PathVariable long id, @Valid @ModelAttribute("scheduleForm") ScheduleForm form,
			BindingResult errors, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(id, locale, model);
		}
		return act(id, redirect, () -> lifecycle.schedule(id, form.instant(properties.zone(), clock.instant())));
	}

	/**
	 * Sends an alert that has gone out to the subscribers of a language translated since.
	 */
	@PostMapping("/{id}/languages/{language}")
	String sendLanguage(@PathVariable long id, @PathVariable String language, Principal principal,
			RedirectAttributes redirect) {
		find(id);
		return act(id, redirect, () -> lifecycle.sendLanguage(id, language, principal.getName()));
	}

	@PostMapping("/{id}/unschedule")
	String unschedule(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> lifecycle.unschedule(id));
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> lifecycle.pause(id));
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> lifecycle.resume(id));
	}

	private void check(AlertForm form, BindingResult errors) {
		if (!errors.hasFieldErrors("language") && !properties.languages().contains(form.language())) {
			errors.rejectValue("language", "alerts.language.invalid");
		}
		if (form.petitions().stream().anyMatch(p -> petitions.find(p).isEmpty())) {
			errors.rejectValue("petitionIds", "alerts.petitions.unknown");
		}
		if (form.incidents().stream().anyMatch(i -> incidents.find(i).isEmpty())) {
			errors.rejectValue("incidentIds", "alerts.incidents.unknown");
		}
	}

	private String formPage(Long id, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("kinds", AlertKind.values());
		model.addAttribute("languages", properties.languages());
		model.addAttribute("petitionOptions", petitions.all());
		model.addAttribute("incidentOptions", incidents.all());
		return "admin/alerts/form";
	}

	private AlertRepository.Stored find(long id) {
		return alerts.find(id).orElseThrow(() -> new NotFoundException("No alert " + id));
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		return StaffAction.thenRedirect(action, redirect, "/admin/alerts/" + id);
	}

}
