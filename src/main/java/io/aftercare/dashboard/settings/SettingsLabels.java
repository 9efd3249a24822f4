package io.aftercare.dashboard.settings;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the manager's Settings screens, in English here and in French in {@code messages/settings_fr.properties}. */
// Over 150 lines: a message bundle, one short method per word of the five Settings pages; split, templates would name
// several bundles for one page.
@MessageBundle(value = "settings", locale = "en")
public interface SettingsLabels {

    // -- the screen and its sections

    @Message("Settings sections")
    String sections();

    @Message("Sending")
    String navSending();

    @Message("Wording")
    String navWording();

    @Message("API keys")
    String navKeys();

    @Message("Webhooks")
    String navWebhooks();

    @Message("Staff")
    String navStaff();

    @Message("Nothing was saved: correct what is marked below.")
    String refused();

    // -- Sending

    @Message("How and when the clinic's texts go out. Changes apply to texts scheduled from now on.")
    String sendingIntro();

    @Message("Quiet hours")
    String quietHours();

    @Message("Hold texts during quiet hours")
    String quietHoursOn();

    @Message("The times are each client's local time: a client in another time zone gets no text during their own"
            + " night. An end before the start means the next morning.")
    String quietHoursLocal();

    @Message("From")
    String quietFrom();

    @Message("Until")
    String quietUntil();

    @Message("Off: texts go out at any hour")
    String quietOff();

    @Message("{start} to {end}, the client's local time")
    String quietRange(String start, String end);

    @Message("Optional steps of the plan")
    String optionalSteps();

    @Message("The plan offers these steps; they are sent only when the clinic chooses them.")
    String optionalHint();

    @Message("The plan has no optional step.")
    String noOptionalSteps();

    @Message("None chosen")
    String noneChosen();

    @Message("Keep client data for (days)")
    String retention();

    @Message("From {min} to {max} days after a client's last session. Leave it empty for the service's default"
            + " ({days} days).")
    String retentionHint(int min, int max, int days);

    @Message("The service's default ({days} days)")
    String retentionDefault(int days);

    @Message("Write texts in the GSM alphabet as far as it goes")
    String transliteration();

    @Message("Accents and typographic quotes become plain letters (Zoë becomes Zoe), so that one character does not"
            + " double what a text costs. Letters with no plain form are kept.")
    String transliterationHint();

    @Message("On")
    String on();

    @Message("Off")
    String off();

    @Message("Save")
    String save();

    @Message("The sending settings are saved.")
    String sendingSaved();

    @Message("Enter a time, for example 21:00.")
    String badTime();

    @Message("The end must differ from the start. To send at any hour, untick quiet hours.")
    String sameTimes();

    @Message("This is not an optional step of the plan.")
    String badOptionalStep();

    @Message("Enter a number of days from {min} to {max}, or leave it empty.")
    String badRetention(int min, int max);

    // -- Wording

    @Message("Each step of the plan in each language, as the clinic's clients get it. The sample client has a long"
            + " name, so that what fits here fits for everyone.")
    String wordingIntro();

    @Message("Step")
    String step();

    @Message("Language")
    String language();

    @Message("Text")
    String text();

    @Message("Words")
    String words();

    @Message("As sent")
    String asSent();

    @Message("Clinic's own")
    String ownWords();

    @Message("Plan's words")
    String planWords();

    @Message("Not used, the plan's words go out instead: {reason}")
    String notUsed(String reason);

    @Message("Change")
    String change();

    @Message("Edit {step} in {language}")
    String edit(String step, String language);

    @Message("Wording of {step} in {language}")
    String editTitle(String step, String language);

    @Message("A text may use {values}, and choose between words with {choice}.")
    String templateHint(String values, String choice);

    @Message("Preview")
    String preview();

    @Message("As the sample client gets it")
    String asSampleGetsIt();

    @Message("GSM-7 · {units} characters · {segments} of {max} segments")
    String fitGsm(int units, int segments, int max);

    @Message("UCS-2 because of {characters} · {units} units · {segments} of {max} segments")
    String fitUcs(String characters, int units, int segments, int max);

    @Message("{segments} of {max} segments")
    String segmentsOf(int segments, int max);

    @Message("{segments} segments, at most {max}")
    String tooManySegments(int segments, int max);

    @Message("Saving would be refused:")
    String wouldRefuse();

    @Message("Not saved:")
    String notSaved();

    @Message("Saving would accept this text.")
    String wouldAccept();

    @Message("The plan's checks for this step, as in force:")
    String notes();

    @Message("The wording is saved. Texts scheduled from now on use it.")
    String wordingSaved();

    @Message("The plan's words are back.")
    String wordingReset();

    @Message("Go back to the plan's words")
    String reset();

    @Message("All wordings")
    String allWordings();

    @Message("The plan's checks")
    String planChecks();

    @Message("No finding: every text keeps the rules of the compliance profile.")
    String planClean();

    @Message("Rule")
    String rule();

    @Message("Finding")
    String finding();

    // -- API keys

    @Message("Keys let the clinic's software talk to Aftercare. A key is shown once, when it is issued; this list shows"
            + " only its first characters.")
    String keysIntro();

    @Message("Key starts with")
    String prefix();

    @Message("Label")
    String label();

    @Message("Issued")
    String issued();

    @Message("Last used")
    String lastUsed();

    @Message("State")
    String state();

    @Message("Active")
    String active();

    @Message("Revoked")
    String revoked();

    @Message("Never")
    String never();

    @Message("Revoke key {prefix}…")
    String revoke(String prefix);

    @Message("The clinic has no API key.")
    String noKeys();

    @Message("Issue a key")
    String issueHeading();

    @Message("Label (optional), for example the software that will use it")
    String labelField();

    @Message("Issue the key")
    String issue();

    @Message("Your new API key")
    String issuedTitle();

    @Message("Copy this key now into the clinic's software and keep it secret: it is not shown again.")
    String issuedText();

    @Message("Back to the API keys")
    String backToKeys();

    @Message("The key is revoked: requests made with it are refused.")
    String keyRevoked();

    @Message("This is the clinic's last active key: issue a new key, switch the clinic's software to it, then revoke"
            + " this one.")
    String lastKey();

    @Message("The clinic holds the most active keys it may. Revoke one it no longer uses first.")
    String tooManyKeys();

    @Message("A label has at most {max} characters and no control characters.")
    String badLabel(int max);

    // -- Webhooks

    @Message("Aftercare posts events to these addresses, each signed with its endpoint's secret.")
    String webhooksIntro();

    @Message("Address")
    String url();

    @Message("Events")
    String events();

    @Message("Added")
    String added();

    @Message("Receiving")
    String receiving();

    @Message("Stopped: {reason}")
    String stopped(String reason);

    @Message("The previous secret also signs until {until}")
    String previousSecretUntil(String until);

    @Message("Recent deliveries to {url}")
    String deliveriesTo(String url);

    @Message("New secret for {url}")
    String rotate(String url);

    @Message("Delete {url}")
    String delete(String url);

    @Message("The clinic has no webhook endpoint.")
    String noEndpoints();

    @Message("Add an endpoint")
    String createHeading();

    @Message("Address (https)")
    String urlField();

    @Message("Events to send")
    String eventsField();

    @Message("Add the endpoint")
    String create();

    @Message("The endpoint's signing secret")
    String secretTitle();

    @Message("Copy this secret now into the receiving software and keep it secret: it is not shown again.")
    String secretText();

    @Message("The previous secret keeps signing, as a second signature, until {until}.")
    String rotatedText(String until);

    @Message("Back to the webhooks")
    String backToWebhooks();

    @Message("The endpoint is deleted: nothing more is sent to it.")
    String endpointDeleted();

    @Message("This address cannot receive events: {reason}")
    String badUrl(String reason);

    @Message("Choose at least one event.")
    String noEvents();

    @Message("The clinic has the most endpoints it may. Delete one first.")
    String tooManyEndpoints();

    @Message("Deliveries")
    String deliveries();

    @Message("When")
    String when();

    @Message("Event")
    String event();

    @Message("Attempts")
    String attempts();

    @Message("Last attempt")
    String lastAttempt();

    @Message("Next attempt")
    String nextAttempt();

    @Message("Nothing has been sent to this endpoint yet.")
    String noDeliveries();

    @Message("answered {code}")
    String answered(int code);

    @Message("no answer ({error})")
    String noAnswer(String error);

    @Message("Waiting")
    String statusPending();

    @Message("Sending")
    String statusDelivering();

    @Message("Delivered")
    String statusDelivered();

    @Message("Failed")
    String statusFailed();

    @Message("Cancelled")
    String statusCancelled();
}
