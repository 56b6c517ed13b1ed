package org.safepassage.petitions.admin;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.petitions.domain.Petition;
import org.safepassage.petitions.domain.PetitionAdministration;
import org.safepassage.petitions.pack.Checkpoints;
import org.safepassage.petitions.pack.DeliveryPacks;
import org.safepassage.petitions.pack.PackDownloads;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.StaffAction;
import org.safepassage.system.audit.AuditLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The staff's page of a petition's delivery packs and checkpoints: generate a pack (the
 * audit log records the POST), download its PDF and CSV (each download listed on the page
 * and in the audit log), mark the one handed over, and recompute the checkpoint chain.
 */
@Controller
@RequestMapping("/admin/petitions/{id}")
class PackAdminController {

	private final DeliveryPacks packs;

	private final Checkpoints checkpoints;

	private final PetitionAdministration administration;

	private final PackDownloads downloads;

	PackAdminController(DeliveryPacks packs, Checkpoints checkpoints, PetitionAdministration administration,
			PackDownloads downloads) {
		this.packs = packs;
		this.downloads = downloads;
		this.checkpoints = checkpoints;
		this.administration = administration;
	}

	@GetMapping("/pack")
	String page(@PathVariable long id, Model model) {
		Petition petition = administration.get(id);
		model.addAttribute("id", id);
		model.addAttribute("title", petition.content().title());
		model.addAttribute("state", petition.state().name());
		model.addAttribute("packs", packs.packs(id));
		model.addAttribute("published", packs.publishedPack(id).orElse(null));
		model.addAttribute("checkpoints", checkpoints.list(id));
		model.addAttribute("downloads", downloads.of(id));
		return "admin/petitions/pack";
	}

	@PostMapping("/packs")
	String generate(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> packs.generate(id, principal.getName()), redirect, page(id));
	}

	@PostMapping("/packs/{packId}/choose")
	String choose(@PathVariable long id, @PathVariable long packId, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> packs.chooseForDelivery(id, packId), redirect, page(id));
	}

	@GetMapping("/packs/{packId}.pdf")
	void pdf(@PathVariable long id, @PathVariable long packId, Locale locale, Principal principal,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		download(id, packId, DeliveryPacks.Format.PDF, locale, principal, request, response);
	}

	@GetMapping("/packs/{packId}.csv")
	void csv(@PathVariable long id, @PathVariable long packId, Locale locale, Principal principal,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		download(id, packId, DeliveryPacks.Format.CSV, locale, principal, request, response);
	}

	@PostMapping("/checkpoints/check")
	String checkChain(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("chain", checkpoints.check(id));
		return "redirect:" + page(id);
	}

	/**
	 * Streams the file; if the signatures no longer give the pack's digest, nothing is
	 * sent and the pack page says so.
	 */
	private void download(long id, long packId, DeliveryPacks.Format format, Locale locale, Principal principal,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean pdf = format == DeliveryPacks.Format.PDF;
		String name = "petition-" + id + "-pack-" + packId + (pdf ? ".pdf" : ".csv");
		// PackDownloads writes the download (or its refusal) to the audit log itself.
		request.setAttribute(AuditLog.RECORDED_BY_HANDLER, Boolean.TRUE);
		try {
			PackDownloads.Downloader who = new PackDownloads.Downloader(principal.getName(), request.getRemoteAddr());
			packs.write(id, packId, format, locale, who, () -> {
				response.setContentType(pdf ? "application/pdf" : "text/csv;charset=UTF-8");
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(name).build().toString());
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				return response.getOutputStream();
			});
		}
		catch (RuleViolation violation) {
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("ruleError", violation.messageKey());
			RequestContextUtils.saveOutputFlashMap(page(id), request, response);
			response.sendRedirect(request.getContextPath() + page(id));
		}
	}

	private static String page(long id) {
		return "/admin/petitions/" + id + "/pack";
	}

}
