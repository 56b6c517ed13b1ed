package org.safepassage.cases.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.store.Attachments;
import org.safepassage.cases.store.CaseExports;
import org.safepassage.cases.store.CaseFiles;
import org.safepassage.cases.store.ProtectedFields;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.RuleViolation;
import org.safepassage.shared.StaffAction;
import org.safepassage.shared.validation.EnumNames;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The protected part of a case: writing it (without reading it), revealing fields with a
 * reason, attachments, and exports that a second person approves. Every read is in the
 * audit with its reason, never with the value.
 */
@Controller
@RequestMapping("/admin/cases/{id}")
class CaseProtectedController {

	private final CaseFiles files;

	private final ProtectedFields fields;

	private final Attachments attachments;

	private final CaseExports exports;

	private final CasePage page;

	private final CasesProperties properties;

	CaseProtectedController(CaseFiles files, ProtectedFields fields, Attachments attachments, CaseExports exports,
			CasePage page, CasesProperties properties) {
		this.files = files;
		this.fields = fields;
		this.attachments = attachments;
		this.exports = exports;
		this.page = page;
		this.properties = properties;
	}

	@GetMapping("/protected")
	String protectedForm(@PathVariable long id, Model model) {
		model.addAttribute("file", this.files.find(id));
		model.addAttribute("protectedForm", ProtectedForm.empty());
		model.addAttribute("recorded", this.fields.recorded(this.files.find(id)));
		return "admin/cases/protected";
	}

	@PostMapping("/protected")
	String writeProtected(@PathVariable long id, @Valid @ModelAttribute("protectedForm") ProtectedForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Case file = this.files.find(id);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("file", file);
			model.addAttribute("recorded", this.fields.recorded(file));
			model.addAttribute("protectedRetype", true);
			return "admin/cases/protected";
		}
		return StaffAction.thenRedirect(() -> this.files.writeProtected(id, form.changes()), redirect,
				"/admin/cases/" + id);
	}

	/**
	 * Shows the chosen fields in this response only (not cached, not in a URL), after
	 * recording each in the audit with the reason.
	 */
	@PostMapping("/reveal")
	String reveal(@PathVariable long id, @Valid @ModelAttribute("reasonForm") ReasonForm form, BindingResult errors,
			Model model, Principal principal, HttpServletRequest request, HttpServletResponse response) {
		Case file = this.files.find(id);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return this.page.show(file, model, response);
		}
		Map<CaseField, String> revealed = new EnumMap<>(CaseField.class);
		for (String name : form.fields()) {
			CaseField field = EnumNames.parse(CaseField.class, name);
			if (field == null || !field.isProtected()) {
				errors.rejectValue("fields", "cases.field.invalid");
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				return this.page.show(file, model, response);
			}
			revealed.put(field, this.fields.reveal(file, field, form.reason().strip(), principal.getName(),
					request.getRemoteAddr()));
		}
		model.addAttribute("reasonForm", ReasonForm.empty());
		return this.page.show(file, revealed, model, response);
	}

	@PostMapping("/attachments")
	String addAttachment(@PathVariable long id, @RequestParam("file") MultipartFile upload, Principal principal,
			RedirectAttributes redirect) throws IOException {
		Case file = this.files.find(id);
		if (upload.isEmpty()) {
			redirect.addFlashAttribute("ruleError", "cases.attachment.empty");
			return "redirect:/admin/cases/" + id;
		}
		if (upload.getSize() > this.properties.attachmentSize().toBytes()) {
			redirect.addFlashAttribute("ruleError", "cases.attachment.tooLarge");
			return "redirect:/admin/cases/" + id;
		}
		String name = upload.getOriginalFilename() == null ? "attachment" : upload.getOriginalFilename();
		String type = upload.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE
				: upload.getContentType();
		byte[] bytes = upload.getBytes();
		return StaffAction.thenRedirect(
				() -> this.attachments.add(file, cut(name, 200), cut(type, 100), bytes, principal.getName()), redirect,
				"/admin/cases/" + id);
	}

	/** Opens an attachment for this response only, with a reason for the audit. */
	@PostMapping("/attachments/{attachment}/open")
	Object openAttachment(@PathVariable long id, @PathVariable long attachment,
			@Valid @ModelAttribute("exportForm") ReasonOnlyForm form, BindingResult errors, Model model,
			Principal principal, HttpServletRequest request, HttpServletResponse response) {
		Case file = this.files.find(id);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("attachmentError", attachment);
			return this.page.show(file, model, response);
		}
		Attachments.Opened opened = this.attachments
			.open(file, attachment, form.reason().strip(), principal.getName(), request.getRemoteAddr())
			.orElseThrow(() -> new NotFoundException("No attachment " + attachment));
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(opened.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(opened.bytes());
	}

	@PostMapping("/attachments/{attachment}/delete")
	String deleteAttachment(@PathVariable long id, @PathVariable long attachment, RedirectAttributes redirect) {
		Case file = this.files.find(id);
		return StaffAction.thenRedirect(() -> this.attachments.delete(file, attachment), redirect,
				"/admin/cases/" + id);
	}

	@PostMapping("/exports")
	String requestExport(@PathVariable long id, @Valid @ModelAttribute("exportForm") ReasonOnlyForm form,
			BindingResult errors, Model model, Principal principal, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Case file = this.files.find(id);
		if (errors.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return this.page.show(file, model, response);
		}
		this.exports.request(file, form.reason().strip(), principal.getName(), request.getRemoteAddr());
		redirect.addFlashAttribute("done", true);
		return "redirect:/admin/cases/" + id;
	}

	@PostMapping("/exports/{export}/approve")
	String approveExport(@PathVariable long id, @PathVariable long export, Principal principal,
			HttpServletRequest request, RedirectAttributes redirect) {
		Case file = this.files.find(id);
		return StaffAction.thenRedirect(
				() -> this.exports.approve(file, export, principal.getName(), request.getRemoteAddr()), redirect,
				"/admin/cases/" + id);
	}

	/** The case file as JSON, once, for the one who asked, within the window. */
	@PostMapping("/exports/{export}/download")
	Object download(@PathVariable long id, @PathVariable long export, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		Case file = this.files.find(id);
		try {
			byte[] json = this.exports.download(file, export, principal.getName(), request.getRemoteAddr());
			return ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(file.number() + ".json").build().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.body(json);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("ruleError", violation.messageKey());
			return "redirect:/admin/cases/" + id;
		}
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
