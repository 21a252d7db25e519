"""The sealed email corpus for AskWhy's mail classifier (issue 14): measured once, never tuned on.

Written apart from the rules, without reading them or the other corpora: every message is
invented for this file (fictional companies and people, no copied mail). SAMPLES holds the
messages with the kind a reader gives them, and for rejections the company and role a person
would type into a job tracker. PIPELINE is the receiving user's job tracker.
"""

from __future__ import annotations

from tests.core.email_corpus import C, I, O, R, Sample, X

BULK = {
    "Precedence": "bulk",
    "List-Unsubscribe": "<https://mail.example.net/unsub?u=8812>",
}

GREENHOUSE_FOOTER = """

--
Powered by Greenhouse. You are receiving this email because you applied for a position.
Privacy policy: https://www.greenhouse.io/privacy-policy"""

WORKDAY_FOOTER = (
    '<p style="font-size:11px;color:#888888;">This email was sent from an unmonitored mailbox. '
    "Please do not reply to this message.<br>Powered by Workday</p>"
)

# --------------------------------------------------------------------------------------------
# Rejections, English
# --------------------------------------------------------------------------------------------
REJECTIONS_EN = [
    Sample(
        sender="Northwind Analytics <no-reply@us.greenhouse-mail.io>",
        subject="Your application to Northwind Analytics",
        body="""Hi Sam,

Thank you for your interest in the Data Engineer position at Northwind Analytics and for the
time you put into your application.

We received a large number of applications, and after reviewing yours carefully we have
decided to move ahead with candidates whose background lines up more closely with what the
team needs right now.

We appreciate you thinking of us and wish you all the best in your search.

Kind regards,
The Northwind Analytics Recruiting Team"""
        + GREENHOUSE_FOOTER,
        kind=R,
        company="Northwind Analytics",
        role="Data Engineer",
    ),
    Sample(
        sender="Helio Labs <no-reply@hire.lever.co>",
        subject="Helio Labs - Senior Backend Engineer",
        body="""Hi Sam,

Thanks so much for applying to Helio Labs. We really enjoyed learning more about you.

Our team has reviewed your application for the Senior Backend Engineer role, and we won't be
moving forward at this time. This was not an easy call - we saw a lot of strong candidates.

We'll keep your details on file, and if something opens up that looks like a better fit,
we may reach out.

Best,
Helio Labs Talent

Sent via Lever""",
        kind=R,
        company="Helio Labs",
        role="Senior Backend Engineer",
    ),
    Sample(
        sender="Quantra <no-reply@ashbyhq.com>",
        subject="Update on your application",
        body="""Hi Sam,

Thank you for taking the time to apply for the Product Designer position with us.

After careful consideration, we've chosen not to proceed with your candidacy. We know this
isn't the news you were hoping for, and we're grateful for the interest you showed in
Quantra.

All the best,
Quantra Hiring Team""",
        kind=R,
        company="Quantra",
        role="Product Designer",
    ),
    Sample(
        sender="Brightwater Health <brightwaterhealth@myworkday.com>",
        subject="Regarding your application for Clinical Data Analyst (R-10482)",
        body="""<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;">
<table width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td style="background-color:#00558c;padding:16px;">
<img src="https://brightwaterhealth.wd5.myworkdayjobs.com/logo.png" alt="Brightwater Health"
 height="40"></td></tr>
<tr><td style="padding:24px;">
<p>Dear Sam Lee,</p>
<p>Thank you for your interest in the <b>Clinical Data Analyst</b> position (R-10482) at
Brightwater Health.</p>
<p>We have carefully reviewed your qualifications, and we regret to let you know that we
have decided to pursue other applicants for this opening.</p>
<p>We encourage you to visit our careers site regularly and apply for future positions that
match your experience.</p>
<p>Sincerely,<br>Talent Acquisition<br>Brightwater Health</p>
</td></tr>
<tr><td style="padding:0 24px 24px 24px;">"""
        + WORKDAY_FOOTER
        + """</td></tr>
</table></body></html>""",
        kind=R,
        company="Brightwater Health",
        role="Clinical Data Analyst",
        html=True,
    ),
    Sample(
        sender="Careers <donotreply@icims.com>",
        subject="Your application",
        body="""<html><body>
<div style="font-family:Verdana,sans-serif;font-size:13px;color:#333333;">
<p>Hello Sam,</p>
<p>Thank you for applying for the Warehouse Operations Supervisor opening. We truly
appreciate the time you invested.</p>
<p>Following a review of all candidates, your application was not selected to continue in
our process for this requisition. Please don't let this discourage you from applying
again &ndash; new roles are posted every week.</p>
<p>Regards,</p>
<p><b>Talent Acquisition Team</b><br>Redfield Logistics<br>
<a href="https://careers-redfieldlogistics.icims.com">careers-redfieldlogistics.icims.com</a></p>
<hr style="border:none;border-top:1px solid #dddddd;">
<p style="font-size:10px;color:#999999;">Redfield Logistics is an Equal Opportunity Employer.
All qualified applicants will receive consideration for employment without regard to race,
color, religion, sex, sexual orientation, gender identity, national origin, disability or
veteran status.</p>
</div></body></html>""",
        kind=R,
        company="Redfield Logistics",
        role="Warehouse Operations Supervisor",
        html=True,
    ),
    Sample(
        sender="Jenna Morales <jenna@tidepool.io>",
        subject="Re: Data Engineer",
        body="""Hi Sam,

Thanks again for the chat on Thursday, I really enjoyed it. Honestly it was close, but the
team is going with someone who has run Spark in production for a few years, which is the
thing we're weakest on right now.

Would love to stay in touch - if we open the analytics engineering role later this year
I'll ping you first.

Jenna

On Fri, Feb 27, 2026 at 4:02 PM Sam Lee <sam@example.org> wrote:
> Hi Jenna, just checking in on the Data Engineer role - any news?
> Thanks, Sam""",
        kind=R,
        company="Tidepool",
        role="Data Engineer",
    ),
    Sample(
        sender="Priya Raman <priya.raman@kestreltalent.co.uk>",
        subject="Halcyon role - feedback",
        body="""Hi Sam,

I hope your week's going well. I've just got off the phone with the hiring team at Halcyon
Bank about the Risk Analyst position.

They were really complimentary about your technical answers, but in the end they've gone
with a candidate who has more direct exposure to credit risk models in retail banking, so
they won't be taking you to the next stage this time.

I know that's disappointing after the effort you put in. I've got a couple of other roles
coming through that I think could suit you better - are you free for a quick call on Monday?

Best wishes,
Priya

Priya Raman | Senior Consultant, Financial Services
Kestrel Talent Partners Ltd | 14 Carver Street, Manchester M1 4HG
T: +44 161 555 0192

This email and any attachments are confidential and intended solely for the addressee.
Kestrel Talent Partners Ltd is registered in England and Wales, no. 10293847.""",
        kind=R,
        company="Halcyon Bank",
        role="Risk Analyst",
    ),
    Sample(
        sender="David Kim <dkim@ardentrobotics.com>",
        subject="Thank you, and an update",
        body="""Dear Sam,

I wanted to write to you myself rather than send a form letter. Thank you for the day you
spent with us at the onsite interviews last week - the whole panel enjoyed meeting you, and
your walkthrough of the motor-control project was one of the best we've seen.

This was one of the hardest decisions I've had to make in a while. We had two finalists,
and we have offered the Controls Engineer position to the other candidate, mainly because
of their hands-on experience with safety-rated PLCs, which this team needs on day one.

I genuinely hope our paths cross again. If you'd like more detailed feedback, I'm happy to
set up a 20-minute call - just reply and let me know.

Warm regards,
David

David Kim
Engineering Manager, Motion Systems
Ardent Robotics, Inc.
+1 (617) 555-0148""",
        kind=R,
        company="Ardent Robotics",
        role="Controls Engineer",
    ),
    Sample(
        sender="Orbital Foods <noreply@smartrecruiters.com>",
        subject="Orbital Foods: Your application for Supply Chain Planner",
        body="""Dear Sam,

Thank you for your interest in the Supply Chain Planner position at Orbital Foods.

We have now completed our initial review. While your profile is impressive, we have
decided to proceed with other candidates whose experience more closely fits the
requirements of this role.

With your permission, we would like to keep your profile in our talent community so we can
contact you about future opportunities. You can update your preferences at any time.

Thank you again, and best of luck.

Orbital Foods Talent Acquisition

---
This message was sent to sam@example.org by SmartRecruiters on behalf of Orbital Foods.
Manage your candidate data: https://my.smartrecruiters.com/privacy""",
        kind=R,
        company="Orbital Foods",
        role="Supply Chain Planner",
    ),
    Sample(
        sender="Linden & Finch <noreply@workablemail.com>",
        subject="Your application for Office Manager at Linden & Finch",
        body="""Hi Sam,

Many thanks for your application for the Office Manager role. We've had a fantastic
response and it has taken us a little longer than planned to get back to everyone.

We're sorry to say that on this occasion you haven't been successful. We'd like to thank
you for the interest you've shown in Linden & Finch.

Kind regards,
Linden & Finch

Powered by Workable""",
        kind=R,
        company="Linden & Finch",
        role="Office Manager",
    ),
    Sample(
        sender="City of Millbrook Human Resources <hr-noreply@millbrook.gov>",
        subject="Senior Planner (Job #24-118) - Application Status",
        body="""Dear Sam Lee,

Thank you for your interest in employment with the City of Millbrook.

Your application for the position of Senior Planner (Job #24-118) has been reviewed. We
regret to inform you that you were not selected for further consideration in this
recruitment. The applicants chosen to continue in the process were those whose training
and experience best met the needs of the department.

Your application will remain on file for one year and may be considered for similar
vacancies during that period. We encourage you to check our job listings for other
openings.

Sincerely,

Human Resources Department
City of Millbrook
200 Civic Center Plaza, Millbrook, OR 97301

This is an automated message. Please do not reply.""",
        kind=R,
        company="City of Millbrook",
        role="Senior Planner",
    ),
    Sample(
        sender="University of Eastbrook <recruitment@eastbrook.ac.uk>",
        subject="Vacancy ESB-2291: Research Associate in Computational Biology",
        body="""Dear Sam Lee,

Vacancy reference: ESB-2291
Post: Research Associate in Computational Biology

Thank you for applying for the above post. The shortlisting panel has now met, and I am
sorry to tell you that on this occasion you have not been shortlisted for interview.

We received a high number of applications of a very good standard, which made the
decision a difficult one. Unfortunately, because of the volume of applications, we are
unable to provide individual feedback at this stage.

Thank you for your interest in working at the University of Eastbrook.

Yours sincerely,

HR Recruitment Team
University of Eastbrook

The University of Eastbrook is an exempt charity.""",
        kind=R,
        company="University of Eastbrook",
        role="Research Associate in Computational Biology",
    ),
    Sample(
        sender="Pinecrest Software <notifications@app.bamboohr.com>",
        subject="Thank you for applying",
        body="""Hi Sam,

Thank you for applying for the QA Engineer position with Pinecrest Software. We wanted to
let you know that the position has now been filled.

We appreciate your interest in our company and encourage you to keep an eye on our careers
page for future openings.

Regards,
Pinecrest Software Hiring Team

This email was sent via BambooHR.""",
        kind=R,
        company="Pinecrest Software",
        role="QA Engineer",
    ),
    Sample(
        sender="Sandra Ohlsen <sandra@copperleaf.applytojob.com>",
        subject="Update",
        body="""Hi Sam,

I wanted to give you a quick update on next steps for the Customer Success Manager role.

We've now finished the first round of phone interviews, and I'm afraid we won't be moving
your application on to the next stage. The candidates we're progressing have more
experience managing enterprise accounts.

Thanks for your time on the phone last week - it was great to speak with you.

Sandra Ohlsen
People & Culture, Copperleaf""",
        kind=R,
        company="Copperleaf",
        role="Customer Success Manager",
    ),
    Sample(
        sender="Vantage Aerospace Recruiting <notification@jobvite.com>",
        subject="Vantage Aerospace - Systems Engineer II",
        body="""Dear Sam,

Thank you for considering a career with Vantage Aerospace and for applying to the Systems
Engineer II opening.

At this time we have identified other candidates whose qualifications are a closer match,
and we will not be pursuing your application further. We sincerely appreciate your
interest and encourage you to apply again for roles that fit your skills.

Best regards,
Vantage Aerospace Talent Acquisition

Jobvite | Unsubscribe from candidate emails: https://jobs.jobvite.com/vantage/unsub""",
        kind=R,
        company="Vantage Aerospace",
        role="Systems Engineer II",
    ),
    Sample(
        sender="Meridian Energy <meridianenergy@taleo.net>",
        subject="Job Requisition 2600123 - Field Service Technician",
        body="""Dear Sam Lee,

Thank you for your interest in the Field Service Technician position (Job Requisition
2600123).

We appreciate the opportunity to review your qualifications. After careful review, we
have determined that other candidates more closely meet our needs at this time, and we
will not be considering you further for this position.

Your profile will be kept in our database, and you may be contacted if a suitable
opportunity arises.

Sincerely,
Meridian Energy Human Resources

*** Please do not reply to this email. This mailbox is not monitored. ***""",
        kind=R,
        company="Meridian Energy",
        role="Field Service Technician",
    ),
    Sample(
        sender="Tom Becker <tom@quillandink.co>",
        subject="Re: Junior Copywriter",
        body="""Hi Sam - we went another direction on this one, sorry. Best of luck out there!

Tom
Quill & Ink""",
        kind=R,
        company="Quill & Ink",
        role="Junior Copywriter",
    ),
    Sample(
        sender="Fjord Studio <no-reply@teamtailor-mail.com>",
        subject="About your application",
        body="""Hey Sam!

Thank you for wanting to join us at Fjord Studio and for applying as Frontend Developer.

We've been through all the applications now and, sadly, we've decided to continue with
other candidates this time around. It's never fun to send these, but we'd rather be
clear than leave you waiting.

We'd love to keep in touch - you're welcome to join our Connect list so you'll hear
about new roles first.

Cheers,
Fjord Studio

You're receiving this because you applied through our career site. Read how we handle
your data: https://career.fjordstudio.example/privacy""",
        kind=R,
        company="Fjord Studio",
        role="Frontend Developer",
    ),
]

# --------------------------------------------------------------------------------------------
# Rejections, German
# --------------------------------------------------------------------------------------------
REJECTIONS_DE = [
    Sample(
        sender="Brandt & Vogel GmbH <jobs@brandt-vogel.jobs.personio.de>",
        subject="Ihre Bewerbung als Sachbearbeiter Vertriebsinnendienst (m/w/d)",
        body="""Guten Tag Sam Lee,

vielen Dank für Ihre Bewerbung und das damit verbundene Interesse an unserem Unternehmen.

Nach sorgfältiger Durchsicht aller Unterlagen müssen wir Ihnen leider mitteilen, dass wir
uns für andere Bewerberinnen und Bewerber entschieden haben, deren Profil den
Anforderungen der Position noch besser entspricht.

Ihre Unterlagen werden gemäß den Datenschutzbestimmungen nach Ablauf von sechs Monaten
gelöscht.

Für Ihren weiteren beruflichen Weg wünschen wir Ihnen alles Gute und viel Erfolg.

Mit freundlichen Grüßen
Ihr Recruiting-Team der Brandt & Vogel GmbH

Brandt & Vogel GmbH · Industriestraße 12 · 33602 Bielefeld
Geschäftsführer: Henrik Brandt · Amtsgericht Bielefeld HRB 40211""",
        kind=R,
        company="Brandt & Vogel GmbH",
        role="Sachbearbeiter Vertriebsinnendienst",
    ),
    Sample(
        sender="Stadtwerke Leinfeld <noreply@successfactors.eu>",
        subject="Ihre Bewerbung",
        body="""<html><head><meta charset="utf-8"></head>
<body style="margin:0;padding:0;background:#f2f2f2;">
<table align="center" width="600" style="background:#ffffff;font-family:Arial,sans-serif;
font-size:14px;color:#222222;" cellpadding="20">
<tr><td><img src="https://career5.successfactors.eu/logo/stwleinfeld.png"
 alt="Stadtwerke Leinfeld" width="180"></td></tr>
<tr><td>
Sehr geehrte Bewerberin, sehr geehrter Bewerber,<br><br>
wir bedanken uns für Ihre Bewerbung auf die Position <b>Ingenieur Netzplanung (m/w/d)</b>
und die Zeit, die Sie sich dafür genommen haben.<br><br>
Nach eingehender Prüfung Ihrer Unterlagen haben wir uns entschieden, Sie im weiteren
Auswahlverfahren nicht zu berücksichtigen. Bitte verstehen Sie diese Entscheidung nicht als
Wertung Ihrer Qualifikation.<br><br>
Wir wünschen Ihnen für Ihre berufliche Zukunft alles Gute.<br><br>
Mit freundlichen Grüßen<br>
Personalabteilung<br>
Stadtwerke Leinfeld GmbH
</td></tr>
<tr><td style="font-size:10px;color:#777777;">Diese E-Mail wurde automatisch erstellt.
Bitte antworten Sie nicht auf diese Nachricht. Informationen zum Datenschutz finden Sie in
unserem Karriereportal.</td></tr>
</table></body></html>""",
        kind=R,
        company="Stadtwerke Leinfeld",
        role="Ingenieur Netzplanung",
        html=True,
    ),
    Sample(
        sender="Katrin Wolff <katrin@lumen-sw.de>",
        subject="Re: Bewerbung",
        body="""Hallo Sam,

danke dir nochmal für das nette Gespräch letzte Woche, das hat echt Spaß gemacht.

Wir haben uns am Ende für eine Kandidatin entschieden, die schon mehr Erfahrung mit
Kubernetes im Betrieb mitbringt - das war bei uns gerade der Knackpunkt. Ist mir ehrlich
gesagt nicht leichtgefallen.

Wenn du magst, bleiben wir in Kontakt. Im Herbst suchen wir wahrscheinlich wieder.

Viele Grüße
Katrin

--
Katrin Wolff · Teamlead Platform
Lumen Software GmbH · Leipzig""",
        kind=R,
        company="Lumen Software",
        role="",
    ),
    Sample(
        sender="Stadt Kehlbach - Personalamt <personalamt@kehlbach.de>",
        subject="Stellenausschreibung Nr. 12/2026 - Sachbearbeitung Bauordnung",
        body="""Sehr geehrte Damen und Herren,

wir danken Ihnen für Ihre Bewerbung auf die Stelle „Sachbearbeitung Bauordnung"
(Ausschreibung Nr. 12/2026).

Das Auswahlverfahren ist inzwischen abgeschlossen. Wir bedauern, Ihnen mitteilen zu
müssen, dass Ihre Bewerbung nicht berücksichtigt werden konnte. Die Entscheidung fiel
zugunsten einer Bewerberin, die dem Anforderungsprofil in besonderem Maße entsprach.

Ihre Bewerbungsunterlagen werden nach Ablauf der Frist des § 15 Abs. 4 AGG datenschutz-
gerecht vernichtet.

Mit freundlichen Grüßen
Im Auftrag

Weber
Stadt Kehlbach
Haupt- und Personalamt
Rathausplatz 1, 77694 Kehlbach""",
        kind=R,
        company="Stadt Kehlbach",
        role="Sachbearbeitung Bauordnung",
    ),
    Sample(
        sender="Universität Rheinfeld <berufungen-personal@uni-rheinfeld.de>",
        subject="Ihre Bewerbung - Kennziffer 118/26",
        body="""Sehr geehrte(r) Sam Lee,

vielen Dank für Ihre Bewerbung auf die Stelle einer/eines Wissenschaftlichen
Mitarbeiterin/Mitarbeiters (Kennziffer 118/26) am Institut für Informatik.

Leider müssen wir Ihnen mitteilen, dass die Auswahlkommission Ihre Bewerbung nicht in die
engere Wahl einbezogen hat. Aufgrund der hohen Zahl an Bewerbungen ist uns eine
individuelle Begründung leider nicht möglich.

Wir danken Ihnen für Ihr Interesse an der Universität Rheinfeld und wünschen Ihnen für
Ihre Zukunft alles Gute.

Mit freundlichen Grüßen
Dezernat Personal
Universität Rheinfeld""",
        kind=R,
        company="Universität Rheinfeld",
        role="Wissenschaftliche Mitarbeiterin/Mitarbeiter",
    ),
    Sample(
        sender="Halvorsen Pharma <halvorsen@myworkday.com>",
        subject="Ihre Bewerbung bei Halvorsen Pharma",
        body="""<html><body>
<table style="width:100%;max-width:640px;font-family:'Segoe UI',Arial,sans-serif;">
<tr><td style="border-bottom:3px solid #6a1b9a;padding:12px 0;">
<span style="font-size:20px;color:#6a1b9a;">Halvorsen Pharma</span></td></tr>
<tr><td style="padding:16px 0;">
<p>Hallo Sam Lee,</p>
<p>herzlichen Dank für Ihr Interesse an der Position <b>Senior Data Scientist</b>
(JR-20877) in Frankfurt am Main.</p>
<p>Zu unserem Bedauern müssen wir Ihnen mitteilen, dass wir anderen Kandidatinnen und
Kandidaten den Vorzug gegeben haben.</p>
<p>Wir würden uns freuen, wenn Sie sich auch künftig auf passende Stellen bei uns
bewerben.</p>
<p>Freundliche Grüße<br>Ihr Talent Acquisition Team</p>
</td></tr>
<tr><td>"""
        + WORKDAY_FOOTER
        + """</td></tr></table></body></html>""",
        kind=R,
        company="Halvorsen Pharma",
        role="Senior Data Scientist",
        html=True,
    ),
    Sample(
        sender="Kaskade GmbH <no-reply@eu.greenhouse-mail.io>",
        subject="Update zu deiner Bewerbung",
        body="""Hi Sam,

nochmal vielen Dank, dass du dir die Zeit für die Vorstellungsgespräche mit uns genommen
hast - das Team hat den Austausch mit dir sehr geschätzt.

Wir haben lange überlegt und uns für die Position als Product Manager letztlich für eine
andere Person entschieden. Diese Nachricht schreiben wir nicht gern.

Wenn du einverstanden bist, nehmen wir dich in unseren Talentpool auf und melden uns, sobald
eine passende Stelle frei wird.

Alles Gute für dich!
Dein People-Team von Kaskade"""
        + GREENHOUSE_FOOTER,
        kind=R,
        company="Kaskade GmbH",
        role="Product Manager",
    ),
    Sample(
        sender="Jonas Albrecht <j.albrecht@alster-personal.de>",
        subject="Rückmeldung Nordlicht",
        body="""Hallo Herr Lee,

wie telefonisch angekündigt, hier noch die schriftliche Rückmeldung unseres Mandanten, der
Nordlicht Versicherung AG, zur Position IT-Projektleiter:

Man hat sich nach den Zweitgesprächen für einen Kandidaten mit tieferer Erfahrung im
SAP-Umfeld entschieden. Ihr Profil wurde aber ausdrücklich positiv bewertet.

Ich melde mich, sobald ich eine andere passende Vakanz für Sie habe.

Beste Grüße
Jonas Albrecht
Senior Consultant IT

Alster Personalberatung GmbH
Ballindamm 7 · 20095 Hamburg
Tel. +49 40 5555 2210""",
        kind=R,
        company="Nordlicht Versicherung AG",
        role="IT-Projektleiter",
    ),
    Sample(
        sender="Schreinerei Holzmann <info@holzmann-schreinerei.de>",
        subject="Bewerbung",
        body="""Guten Tag,

danke für Ihre Bewerbung. Die Stelle ist leider schon vergeben.

Freundliche Grüße
Holzmann""",
        kind=R,
        company="Schreinerei Holzmann",
        role="",
    ),
]

# --------------------------------------------------------------------------------------------
# Rejections, French
# --------------------------------------------------------------------------------------------
REJECTIONS_FR = [
    Sample(
        sender="Maison Laurier <no-reply@teamtailor-mail.com>",
        subject="Votre candidature",
        body="""Bonjour Sam,

Merci pour l'intérêt que vous portez à Maison Laurier et pour votre candidature au poste de
Chargé(e) de communication.

Après étude attentive de votre dossier, nous avons le regret de vous informer que nous ne
pourrons pas y donner une suite favorable. Nous avons reçu de nombreuses candidatures de
qualité et avons dû faire des choix difficiles.

Nous vous souhaitons pleine réussite dans vos recherches.

Bien cordialement,
L'équipe Talents de Maison Laurier

Vous recevez cet e-mail car vous avez postulé via notre site carrière.""",
        kind=R,
        company="Maison Laurier",
        role="Chargé(e) de communication",
    ),
    Sample(
        sender="Groupe Vellane <noreply@smartrecruiters.com>",
        subject="Groupe Vellane – Contrôleur de gestion",
        body="""Madame, Monsieur,

Nous vous remercions de l'intérêt que vous avez manifesté pour le poste de Contrôleur de
gestion au sein du Groupe Vellane.

Votre profil a retenu toute notre attention ; toutefois, nous sommes au regret de ne pas
pouvoir donner suite à votre candidature, d'autres profils correspondant davantage aux
besoins du poste.

Nous conservons vos coordonnées et ne manquerons pas de revenir vers vous si une
opportunité en adéquation avec votre parcours se présentait.

Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.

La Direction des Ressources Humaines
Groupe Vellane

Ce message vous a été envoyé par SmartRecruiters pour le compte de Groupe Vellane.""",
        kind=R,
        company="Groupe Vellane",
        role="Contrôleur de gestion",
    ),
    Sample(
        sender="Atelier Sorel <atelier-sorel@mail.recruitee.com>",
        subject="Votre candidature – Développeur front-end",
        body="""Bonjour Sam,

Un grand merci d'avoir pris le temps de postuler chez nous !

Nous avons bien étudié votre profil pour le poste de Développeur front-end. Malgré ses
qualités, nous avons décidé de poursuivre le processus avec d'autres candidats dont
l'expérience est plus proche de nos besoins actuels.

Avec votre accord, nous gardons votre CV dans notre vivier de talents pour de futurs
recrutements.

Belle journée,
Inès, pour l'équipe Atelier Sorel

Envoyé avec Recruitee""",
        kind=R,
        company="Atelier Sorel",
        role="Développeur front-end",
    ),
    Sample(
        sender="Claire Dubois <claire.dubois@orane-conseil.fr>",
        subject="Suite à notre entretien",
        body="""Bonjour Sam,

Je tenais à vous remercier à nouveau pour notre entretien de mardi dernier et pour la
qualité de nos échanges.

Après mûre réflexion, nous avons choisi de poursuivre avec un autre profil pour le poste
de Consultant Data, dont l'expérience dans le secteur bancaire correspond plus précisément
à la mission du client.

Cette décision n'a pas été facile. Je reste à votre disposition si vous souhaitez un
retour plus détaillé.

Bien à vous,

Claire Dubois
Responsable recrutement
Orane Conseil – 18 rue de la Bourse, 69002 Lyon""",
        kind=R,
        company="Orane Conseil",
        role="Consultant Data",
    ),
    Sample(
        sender="Mairie de Saint-Aubin-sur-Loire <rh@saint-aubin-loire.fr>",
        subject="Votre candidature au poste de gestionnaire RH",
        body="""Madame, Monsieur,

Vous avez bien voulu faire acte de candidature pour le poste de gestionnaire ressources
humaines et je vous en remercie.

Je suis au regret de vous faire savoir que, après examen de l'ensemble des candidatures,
le jury n'a pas retenu la vôtre.

Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.

Pour le Maire et par délégation,
La Directrice Générale des Services

Mairie de Saint-Aubin-sur-Loire
Place de la République – 49170 Saint-Aubin-sur-Loire""",
        kind=R,
        company="Mairie de Saint-Aubin-sur-Loire",
        role="Gestionnaire RH",
    ),
    Sample(
        sender="DRH Université de Valbonne <recrutement.biatss@univ-valbonne.fr>",
        subject="Recrutement ingénieur d'études – réf. IE-2026-041",
        body="""Madame, Monsieur,

Nous accusons réception de votre dossier pour le poste d'ingénieur d'études en analyse de
données (réf. IE-2026-041) et vous remercions de l'intérêt porté à notre établissement.

La commission de recrutement s'est réunie le 24 février. Nous avons le regret de vous
informer que votre candidature n'a pas été retenue pour la phase d'audition.

Nous vous souhaitons une bonne continuation dans vos démarches.

Le service du recrutement
Direction des Ressources Humaines
Université de Valbonne""",
        kind=R,
        company="Université de Valbonne",
        role="Ingénieur d'études en analyse de données",
    ),
    Sample(
        sender="Crédit Mérial <creditmerial@myworkday.com>",
        subject="Crédit Mérial : suite donnée à votre candidature",
        body="""<html><body>
<table width="100%" style="font-family:Arial,sans-serif;font-size:14px;color:#1a1a1a;">
<tr><td style="background:#0b3d2e;color:#ffffff;padding:14px;font-size:18px;">
Crédit Mérial – Carrières</td></tr>
<tr><td style="padding:20px;">
Bonjour Sam Lee,<br><br>
Nous vous remercions d'avoir postulé à l'offre <b>Analyste risques crédit</b>
(REQ-55012).<br><br>
Malheureusement, nous avons décidé de ne pas poursuivre avec votre candidature pour ce
poste. Nous vous encourageons à consulter régulièrement nos offres et à postuler à
celles qui correspondent à votre profil.<br><br>
Cordialement,<br>
L'équipe Recrutement
</td></tr>
<tr><td style="padding:0 20px;">"""
        + WORKDAY_FOOTER
        + """</td></tr></table></body></html>""",
        kind=R,
        company="Crédit Mérial",
        role="Analyste risques crédit",
        html=True,
    ),
    Sample(
        sender="Hugo Marchand <hugo@studio-brume.fr>",
        subject="Re: Candidature – stage motion design",
        body="""Salut Sam,

Merci pour ton portfolio, il est vraiment chouette ! Par contre on a finalement pris
quelqu'un en interne pour le stage en motion design, désolé.

N'hésite pas à repasser nous voir l'an prochain.

Bonne continuation,
Hugo
Studio Brume""",
        kind=R,
        company="Studio Brume",
        role="Stage motion design",
    ),
    Sample(
        sender="Nuvola <no-reply@hire.lever.co>",
        subject="Nuvola - Ingénieur DevOps",
        body="""Bonjour Sam,

Merci beaucoup pour votre candidature chez Nuvola et pour le temps consacré au test
technique.

Nous avons examiné votre dossier avec attention et avons décidé de ne pas donner suite
pour le poste d'Ingénieur DevOps. Nous savons que ce n'est pas la réponse espérée.

Au plaisir de croiser à nouveau votre route,
L'équipe Nuvola""",
        kind=R,
        company="Nuvola",
        role="Ingénieur DevOps",
    ),
]

# --------------------------------------------------------------------------------------------
# Rejections, Spanish
# --------------------------------------------------------------------------------------------
REJECTIONS_ES = [
    Sample(
        sender="Paloma Pay <no-reply@us.greenhouse-mail.io>",
        subject="Tu candidatura en Paloma Pay",
        body="""Hola Sam:

Gracias por tu interés en Paloma Pay y por postularte al puesto de Ingeniero/a de Backend.

Hemos revisado tu perfil con atención y, en esta ocasión, hemos decidido seguir adelante
con otras personas cuya experiencia se ajusta más a lo que buscamos ahora mismo.

Te deseamos mucho éxito en tu búsqueda.

Un saludo,
Equipo de Talento de Paloma Pay"""
        + GREENHOUSE_FOOTER,
        kind=R,
        company="Paloma Pay",
        role="Ingeniero/a de Backend",
    ),
    Sample(
        sender="Grupo Almendro <jobs@grupo-almendro.jobs.personio.de>",
        subject="Tu candidatura: Técnico/a de Marketing Digital",
        body="""Hola Sam,

Muchas gracias por el tiempo que has dedicado a tu candidatura para el puesto de Técnico/a
de Marketing Digital.

Lamentablemente, en esta ocasión no podemos continuar con tu proceso. Hemos recibido
muchas candidaturas y nos hemos decantado por perfiles con más experiencia en campañas de
pago.

Conservaremos tus datos durante doce meses por si surge una vacante que encaje contigo.

Un cordial saludo,
Recursos Humanos – Grupo Almendro
Avda. de la Constitución 41, 41001 Sevilla""",
        kind=R,
        company="Grupo Almendro",
        role="Técnico/a de Marketing Digital",
    ),
    Sample(
        sender="Lucía Fernández <lucia.fernandez@brisamar.es>",
        subject="Re: Entrevista Product Owner",
        body="""Hola Sam,

Primero, gracias de nuevo por la entrevista del jueves con el equipo; les gustó mucho tu
forma de priorizar el backlog.

Te escribo para contarte que finalmente nos hemos inclinado por otra candidata que ya ha
trabajado con motores de reservas hoteleras, algo que para este puesto pesa mucho. Siento
no traerte mejores noticias.

Si te parece, me gustaría mantener el contacto para futuras posiciones.

Un abrazo,
Lucía

Lucía Fernández
Talent Acquisition
Brisamar Hoteles | Palma de Mallorca""",
        kind=R,
        company="Brisamar Hoteles",
        role="Product Owner",
    ),
    Sample(
        sender="Ayuntamiento de Villaverde del Río <rrhh@villaverdedelrio.es>",
        subject="Proceso selectivo – Técnico/a de Administración General",
        body="""Estimado/a Sr./Sra. Lee:

En relación con el proceso selectivo para la cobertura de una plaza de Técnico/a de
Administración General, le comunicamos que, una vez concluida la fase de valoración, su
candidatura no ha sido seleccionada.

La relación definitiva de personas seleccionadas se publicará en el tablón de anuncios de
la sede electrónica municipal.

Agradecemos su participación.

Atentamente,
Departamento de Recursos Humanos
Ayuntamiento de Villaverde del Río""",
        kind=R,
        company="Ayuntamiento de Villaverde del Río",
        role="Técnico/a de Administración General",
    ),
    Sample(
        sender="Universidad de Montalbán <empleo@umontalban.es>",
        subject="Convocatoria INV-POST-07/2026",
        body="""Estimado/a Sam Lee:

Le agradecemos su participación en la convocatoria de una plaza de Investigador/a
Postdoctoral en el Departamento de Física Aplicada (ref. INV-POST-07/2026).

Tras la evaluación de los méritos por parte de la comisión, le informamos de que su
candidatura no ha resultado seleccionada.

Reciba un cordial saludo,

Servicio de Personal Investigador
Universidad de Montalbán""",
        kind=R,
        company="Universidad de Montalbán",
        role="Investigador/a Postdoctoral",
    ),
    Sample(
        sender="Cactus Digital <noreply@workablemail.com>",
        subject="Actualización sobre tu candidatura",
        body="""¡Hola, Sam!

Gracias por postularte como Diseñador/a UX/UI en Cactus Digital.

Después de revisar todas las candidaturas, hemos decidido avanzar con perfiles que se
ajustan un poco más a lo que el equipo necesita en este momento.

Mantendremos tu CV en nuestra base de datos y te escribiremos si aparece algo que encaje
contigo.

¡Mucha suerte!
El equipo de Cactus Digital

Enviado con Workable""",
        kind=R,
        company="Cactus Digital",
        role="Diseñador/a UX/UI",
    ),
    Sample(
        sender="Marta Ruiz <marta@talentoandino.com>",
        subject="Retroalimentación – Analista de Riesgos",
        body="""Hola Sam, ¿cómo estás?

Te escribo con la respuesta de nuestro cliente, Banca Olivar, sobre la vacante de Analista
de Riesgos. Agradecen mucho tu tiempo en las entrevistas, pero decidieron continuar con un
candidato que ya tiene experiencia con modelos IFRS 9.

Sé que no es la noticia que esperabas. Tengo otras dos vacantes que podrían interesarte;
¿te parece si hablamos el lunes?

Saludos cordiales,
Marta Ruiz
Consultora Senior | Talento Andino
Ciudad de México · +52 55 5555 0173""",
        kind=R,
        company="Banca Olivar",
        role="Analista de Riesgos",
    ),
    Sample(
        sender="Carlos Rentería <carlos@lacasadelpan.mx>",
        subject="gracias",
        body="""Hola Sam, gracias por venir el martes. Ya cubrimos la vacante, pero te agradezco
mucho el interés. Saludos.

Carlos
La Casa del Pan""",
        kind=R,
        company="La Casa del Pan",
        role="",
    ),
]

# --------------------------------------------------------------------------------------------
# Look-alikes, English
# --------------------------------------------------------------------------------------------
LOOKALIKES_EN = [
    Sample(
        sender="Cobalt Health <no-reply@us.greenhouse-mail.io>",
        subject="Interview invitation: Data Engineer at Cobalt Health",
        body="""Hi Sam,

Thanks for applying to Cobalt Health! We'd love to set up a 45-minute video interview
with Alicia Grant, our Head of Data, to talk about the Data Engineer role.

Please pick a time that works for you using the link below:
https://app.greenhouse.io/scheduling/availability/7c1e90

If none of the times suit you, just reply and we'll find another slot.

Looking forward to it,
Ben from the Cobalt Health Recruiting Team"""
        + GREENHOUSE_FOOTER,
        kind=I,
    ),
    Sample(
        sender="Rachel Osei <rachel.osei@latticefreight.com>",
        subject="Need to move our Thursday interview",
        body="""Hi Sam,

Unfortunately we need to move your interview on Thursday - our hiring manager has been
pulled into an all-day customer visit. So sorry for the short notice.

Could you do Monday at 2pm or Tuesday at 10am instead? The format stays the same: an hour
with Ken and Maria, mostly about the routing work on your CV.

Thanks for your flexibility,
Rachel
Recruiting, Lattice Freight""",
        kind=I,
    ),
    Sample(
        sender="Solace Energy via CodeSignal <noreply@codesignal.com>",
        subject="Solace Energy has invited you to complete an assessment",
        body="""Hi Sam,

Solace Energy has invited you to take the General Coding Assessment as part of your
application for Software Engineer, Grid Platform.

Time limit: 70 minutes
Deadline: March 10, 2026, 11:59 PM PT

Start assessment: https://app.codesignal.com/invite/aX92kLq

Tips: use a quiet place, a stable internet connection and the browser you normally use.

Good luck!
The CodeSignal team, on behalf of Solace Energy""",
        kind=I,
    ),
    Sample(
        sender="Marlow Systems <no-reply@hire.lever.co>",
        subject="Marlow Systems - Next steps",
        body="""Hi Sam,

Great news - the team really enjoyed your technical screen, and we'd like to invite you to
the final round for the Site Reliability Engineer role.

The final round is four back-to-back 45-minute conversations over Zoom (system design,
incident review, coding, and a values chat). I'll send a few options for dates tomorrow.

Best,
Omar
Marlow Systems Recruiting""",
        kind=I,
    ),
    Sample(
        sender="Alder Financial <alderfinancial@myworkday.com>",
        subject="Thank you for applying to Alder Financial",
        body="""<html><body style="font-family:Arial,sans-serif;">
<table width="600" cellpadding="0" cellspacing="0">
<tr><td style="padding:20px;border-top:4px solid #c8102e;">
<p>Dear Sam,</p>
<p>Thank you for applying for the <b>Financial Analyst</b> position (R0031877). We have
received your application and our recruiting team will review it shortly.</p>
<p>If your qualifications match the requirements, a recruiter will contact you about next
steps. Due to the large number of applications we receive, we are unfortunately not able
to respond to every applicant individually.</p>
<p>You can check the status of your application at any time in the
<a href="https://alderfinancial.wd1.myworkdayjobs.com/candidate">Candidate Home</a>.</p>
<p>Best regards,<br>Alder Financial Talent Acquisition</p>
</td></tr>
<tr><td style="padding:0 20px 20px 20px;">"""
        + WORKDAY_FOOTER
        + """</td></tr></table></body></html>""",
        kind=C,
        html=True,
    ),
    Sample(
        sender="Greyline Games <no-reply@us.greenhouse-mail.io>",
        subject="Thanks for applying to Greyline Games!",
        body="""Hi Sam,

Thanks for your interest in Greyline Games! We've received your application for Gameplay
Programmer and our team is reviewing it now.

We read every application, so it can take up to two weeks to hear back. If we decide not to
move forward, we'll still let you know - no ghosting here.

Cheers,
Greyline Games Recruiting"""
        + GREENHOUSE_FOOTER,
        kind=C,
    ),
    Sample(
        sender="Orbital Foods <noreply@smartrecruiters.com>",
        subject="We've received your application - Demand Planning Analyst",
        body="""Dear Sam,

Thank you for applying to Orbital Foods! This is to confirm that we have received your
application for the Demand Planning Analyst position.

Our recruitment team will review your profile and contact you if there is a match.

Kind regards,
Orbital Foods Talent Acquisition

---
This message was sent to sam@example.org by SmartRecruiters on behalf of Orbital Foods.""",
        kind=C,
    ),
    Sample(
        sender="Emily Carter <ecarter@harborpointmedia.com>",
        subject="Offer of employment - Senior Backend Engineer",
        body="""Hi Sam,

I'm thrilled to let you know that we'd like to offer you the position of Senior Backend
Engineer at Harborpoint Media!

Your formal offer letter is attached and has also been sent through DocuSign. It includes
a base salary of $158,000, equity details and our benefits summary. We've proposed a start
date of April 6, but we're happy to talk about that.

Please let me know if you have any questions - I'd be glad to hop on a call.

Congratulations,
Emily Carter
Talent Partner, Harborpoint Media""",
        kind=O,
    ),
    Sample(
        sender="Nate Alvarez <nate@brightforge.dev>",
        subject="Sorry for the wait - your offer",
        body="""Hi Sam,

First, my apologies for going quiet for two weeks. Unfortunately our budget approvals took
much longer than we expected, and I didn't want to write until I had something real.

The good news: it's approved. We'd love for you to join Brightforge as our Developer
Advocate. The written offer is in your inbox via Rippling; the numbers match what we
discussed on the phone.

Thanks for your patience - really hope you'll say yes.

Nate
Co-founder, Brightforge""",
        kind=O,
    ),
    Sample(
        sender="Talent Team <no-reply@ashbyhq.com>",
        subject="Your application has been withdrawn",
        body="""Hi Sam,

This confirms that we've withdrawn your application for Staff Data Analyst at Vireo, as
you requested.

We're sorry to see you go, but we understand. If your plans change, you're welcome to
apply again in the future.

All the best,
Vireo Talent Team""",
        kind=X,
    ),
    Sample(
        sender="Hireline Job Alerts <alerts@hireline.io>",
        subject="12 new Data Engineer jobs near Portland, OR",
        body="""Hi Sam, here are new jobs matching your alert "Data Engineer - Portland, OR".

Data Engineer - Cascadia Mutual - Portland, OR - $130k-$150k
Senior Data Engineer - Pinewave - Remote (US)
Analytics Engineer - Rosebud Outdoor - Beaverton, OR
Data Platform Engineer - Tidal Grid - Hillsboro, OR

See all 12 jobs: https://hireline.io/alerts/88213

Not interested any more? Unfortunately we can't guess - edit or delete this alert in
your settings.

You are receiving this email because you created a job alert on Hireline.
Unsubscribe: https://hireline.io/unsubscribe?a=88213""",
        kind=X,
        headers=BULK,
    ),
    Sample(
        sender="Recommended for you <jobs-noreply@workhub.example.com>",
        subject="Sam, these companies are hiring for roles like yours",
        body="""<html><body>
<table width="100%" style="font-family:Helvetica,Arial,sans-serif;">
<tr><td><h2 style="color:#0a66c2;">Jobs you might be interested in</h2></td></tr>
<tr><td><b>Product Analyst</b><br>Fernhill Bank &middot; Seattle, WA &middot;
Easy Apply</td></tr>
<tr><td><b>Business Intelligence Analyst</b><br>Copperline Health &middot; Remote</td></tr>
<tr><td><b>Data Analyst II</b><br>Summit Ridge Retail &middot; Denver, CO</td></tr>
<tr><td style="font-size:11px;color:#666666;padding-top:20px;">You're receiving job
recommendation emails. <a href="https://workhub.example.com/unsub">Unsubscribe</a>.</td></tr>
</table></body></html>""",
        kind=X,
        html=True,
        headers=BULK,
    ),
    Sample(
        sender="The Offer Letter <newsletter@theofferletter.substack.com>",
        subject='What to do when they say "we\'ve decided to move forward with other candidates"',
        body="""Issue #41 - Rejection, decoded

Hi friends,

Most of you have had the email by now. "Thank you for your interest... unfortunately, we
have decided to move forward with other candidates whose experience more closely matches
our needs." It stings, and it tells you almost nothing.

This week: three ways to reply that actually get you feedback, and why you should send the
reply within 48 hours while the interviewers still remember you.

1. Keep it to three sentences.
2. Ask one concrete question ("What would have made my case study stronger?").
3. Don't argue the decision.

Read the full post: https://theofferletter.substack.com/p/rejection-decoded

You're a free subscriber to The Offer Letter.
Unsubscribe: https://theofferletter.substack.com/action/disable_email""",
        kind=X,
        headers=BULK,
    ),
    Sample(
        sender="Streamly <billing@streamly.example>",
        subject="Action needed: your payment was declined",
        body="""Hi Sam,

Unfortunately, we weren't able to process your payment for Streamly Premium. Your bank
declined the charge to the card ending in 4417.

Please update your payment details within 7 days to keep watching without interruption:
https://streamly.example/account/billing

Thanks,
The Streamly Team""",
        kind=X,
    ),
    Sample(
        sender="Harbour Lettings <lettings@harbourlettings.co.uk>",
        subject="14 Harbour Road, Flat 3 - your application",
        body="""Dear Sam,

Thank you for applying to rent Flat 3, 14 Harbour Road and for attending Saturday's viewing.

Unfortunately your application was not successful on this occasion. The landlord has
decided to proceed with another applicant whose move-in date better suited the tenancy.

We have several similar properties coming to market next month, and we'd be happy to let
you know about them.

Kind regards,
Joanne Pike
Lettings Negotiator
Harbour Lettings""",
        kind=X,
    ),
    Sample(
        sender="PyNorth 2026 Program Committee <cfp@pynorth.example.org>",
        subject="PyNorth 2026: decision on your proposal",
        body="""Dear Sam,

Thank you for submitting "Untangling Airflow DAGs at Scale" to PyNorth 2026.

We received 412 proposals for 48 slots this year. Unfortunately, we were not able to
accept your talk. This was a very hard selection, and many strong proposals could not make
it into the program.

We'd love to see you at the conference anyway - speakers who submitted get a 20% discount
code: CFP2026THANKS.

Best regards,
The PyNorth Program Committee""",
        kind=X,
    ),
    Sample(
        sender="Open Data Fund <grants@opendatafund.example.org>",
        subject="Your grant application ODF-2026-117",
        body="""Dear Sam Lee,

Thank you for applying to the Open Data Fund spring round.

We regret to inform you that your project, "Civic Transit Feed Validator", has not been
selected for funding. The panel reviewed 230 applications for 14 grants. Reviewer
comments are available in your applicant dashboard.

The autumn round opens on 1 September, and we encourage you to apply again.

With best wishes,
Open Data Fund Secretariat""",
        kind=X,
    ),
    Sample(
        sender="Alex Turner <alex.turner@ridgewayrecruit.com>",
        subject="Senior Data Engineer role - Series B fintech (remote)",
        body="""Hi Sam,

I came across your profile and your work on streaming pipelines caught my eye. I'm
working with a Series B fintech that's building out its data platform team, and I think
you'd be a strong fit for their Senior Data Engineer opening.

- Fully remote (US time zones)
- $170-190k base + equity
- Stack: Kafka, Flink, dbt, Snowflake

Would you be open to a 15-minute call this week? No pressure if the timing isn't right.

Best,
Alex Turner
Principal Recruiter, Ridgeway Recruitment""",
        kind=X,
    ),
    Sample(
        sender="Laura Chen <laura.chen@sablecloud.com>",
        subject="Update on the Platform Engineer process",
        body="""Hi Sam,

I wanted to be upfront with you: unfortunately, we've had to put hiring for the Platform
Engineer role on hold for a few weeks while the company finishes its budget review.

This is not a decision about you - you're still in the process, and the team was very
positive after your technical interview. As soon as the freeze lifts, we'll pick up right
where we left off with the final round.

Thanks for your patience, and feel free to reach out with any questions.

Laura
Recruiting, Sable Cloud""",
        kind=X,
    ),
    Sample(
        sender="Reference Checks <references@checkpoint-hr.example>",
        subject="Reference request for Jordan Patel",
        body="""Dear Sam Lee,

Jordan Patel has applied for the Product Manager position at Everfield and has named you
as a professional reference.

Could you please complete a short questionnaire (about 10 minutes) about your time working
together? https://checkpoint-hr.example/r/55b2a

Your answers will be shared with the hiring team at Everfield only.

Thank you,
Checkpoint HR, on behalf of Everfield""",
        kind=X,
    ),
    Sample(
        sender="Wexford Medical Careers <careers@wexfordmedical.icims.com>",
        subject="Please complete your candidate profile",
        body="""<html><body style="font-family:Arial,sans-serif;font-size:13px;">
<p>Hello Sam,</p>
<p>You recently started an application for <b>Health Informatics Specialist</b> but your
candidate profile is not complete yet.</p>
<p>To be considered, please log in and finish the remaining steps (work history and the
voluntary self-identification form):</p>
<p><a href="https://careers-wexfordmedical.icims.com/jobs/login"
style="background:#005eb8;color:#ffffff;padding:8px 14px;text-decoration:none;">
Complete my profile</a></p>
<p>Thank you,<br>Wexford Medical Talent Acquisition</p>
</body></html>""",
        kind=X,
        html=True,
    ),
    Sample(
        sender="Sam Lee <sam@example.org>",
        subject="Re: Offer - Product Analyst",
        body="""Hi Megan,

Thank you so much for the offer and for all the time you and the team spent with me. It
was a genuinely hard decision, but after a lot of thought I've decided to decline - I've
accepted a role that's closer to the data engineering work I want to focus on.

I really enjoyed meeting everyone at Tallis Retail and hope we cross paths again.

Best wishes,
Sam

On Mon, Mar 2, 2026 at 9:14 AM Megan Ford <megan.ford@tallisretail.com> wrote:
> Hi Sam, just following up on the offer we sent last week - let us know if you have any
> questions!""",
        kind=X,
    ),
    Sample(
        sender="Jordan Patel <jordan.patel84@gmail.com>",
        subject="ugh",
        body="""Sam,

Got the email from Everfield this morning. "After careful consideration we have decided
to move forward with other candidates." After FIVE rounds. I'm honestly a bit gutted.

Drinks Friday? I need to complain to someone who gets it. Also thanks again for being my
reference, sorry it was for nothing.

J""",
        kind=X,
    ),
    Sample(
        sender="Tickets <tickets@riverside-arena.example>",
        subject="Sold out: The Lanterns - Riverside Arena, 14 March",
        body="""Hi Sam,

Unfortunately, all tickets for The Lanterns at Riverside Arena on 14 March are now sold
out. You've been added to the waitlist, and we'll email you if returned tickets become
available.

Thanks for your interest,
Riverside Arena Box Office""",
        kind=X,
    ),
    Sample(
        sender="Parcelwise <notifications@parcelwise.example>",
        subject="We missed you - parcel 7H29 4410 2218",
        body="""Hi Sam,

Unfortunately we weren't able to deliver your parcel today because no one was available to
sign for it.

We'll try again tomorrow between 8am and 6pm. You can also choose a pickup point:
https://parcelwise.example/t/7H2944102218

Parcelwise""",
        kind=X,
    ),
    Sample(
        sender="Hartwell Foundation Scholarships <scholarships@hartwell.example.org>",
        subject="Hartwell Data Science Scholarship - outcome",
        body="""Dear Sam,

Thank you for applying for the 2026 Hartwell Data Science Scholarship.

We're sorry to say that your application was not successful this year. We had over 900
applicants for 25 awards, and the committee had to make some very difficult choices.

We wish you the very best in your studies.

The Hartwell Foundation""",
        kind=X,
    ),
    Sample(
        sender="Green Lane Community Garden <volunteer@greenlanegarden.example.org>",
        subject="Volunteer coordinator role",
        body="""Hi Sam,

Thanks so much for offering to help as our volunteer coordinator this season! We've
actually already filled the role - Maureen from the allotments committee put her hand up
at the last meeting.

We'd still love to have you on the Saturday planting crew if you're up for it.

Warmly,
Priyanka, for the Green Lane Community Garden""",
        kind=X,
    ),
    Sample(
        sender="Calendly <notifications@calendly.com>",
        subject="Confirmed: Sam Lee and Hana Okafor on Wed, Mar 11, 2026",
        body="""Hi Sam,

A new event has been scheduled.

Event type: Hiring Manager Interview - Analytics Lead (Tamarind Health)
Invitee: Sam Lee
Date: Wednesday, March 11, 2026, 3:00pm - 3:45pm (Pacific Time)
Location: Google Meet (link in calendar invite)

Need to make changes? Reschedule or cancel: https://calendly.com/cancellations/3bd91""",
        kind=I,
    ),
]

# --------------------------------------------------------------------------------------------
# Look-alikes, German
# --------------------------------------------------------------------------------------------
LOOKALIKES_DE = [
    Sample(
        sender="Feldberg Logistik GmbH <jobs@feldberg-logistik.jobs.personio.de>",
        subject="Einladung zum Vorstellungsgespräch – Disponent (m/w/d)",
        body="""Guten Tag Sam Lee,

vielen Dank für Ihre Bewerbung als Disponent (m/w/d). Ihre Unterlagen haben uns
überzeugt, und wir möchten Sie gern persönlich kennenlernen.

Wir laden Sie herzlich zu einem Vorstellungsgespräch an unserem Standort in Kassel ein.
Bitte wählen Sie über den folgenden Link einen passenden Termin aus:
https://feldberg-logistik.jobs.personio.de/interview/88a1

Das Gespräch dauert etwa eine Stunde. Sie sprechen mit unserer Teamleitung Disposition und
mit Frau Krüger aus der Personalabteilung.

Wir freuen uns auf Sie!

Mit freundlichen Grüßen
Feldberg Logistik GmbH – Personalabteilung""",
        kind=I,
    ),
    Sample(
        sender="Rheinwerk Chemie <noreply@successfactors.eu>",
        subject="Eingangsbestätigung Ihrer Bewerbung",
        body="""<html><body style="font-family:Arial,sans-serif;font-size:14px;">
<table width="600" cellpadding="16">
<tr><td style="background:#004b87;color:#ffffff;">Rheinwerk Chemie – Karriere</td></tr>
<tr><td>
Sehr geehrte/r Sam Lee,<br><br>
vielen Dank für Ihre Bewerbung als <b>Laborleiter Analytik (m/w/d)</b>. Hiermit
bestätigen wir den Eingang Ihrer Unterlagen.<br><br>
Wir prüfen Ihre Bewerbung sorgfältig und melden uns innerhalb der nächsten drei Wochen bei
Ihnen. Leider kann es aufgrund der Vielzahl an Bewerbungen auch etwas länger dauern.<br><br>
Mit freundlichen Grüßen<br>
Ihr Recruiting-Team
</td></tr>
<tr><td style="font-size:10px;color:#888888;">Dies ist eine automatisch generierte
Nachricht.</td></tr>
</table></body></html>""",
        kind=C,
        html=True,
    ),
    Sample(
        sender="Sparkasse Oberland <kundenservice@sparkasse-oberland.example>",
        subject="Rücklastschrift zu Ihrem Konto",
        body="""Sehr geehrte/r Sam Lee,

leider konnte die Lastschrift der Stadtwerke Oberland vom 02.03.2026 über 84,50 EUR
mangels Deckung nicht eingelöst werden. Die Rücklastschriftgebühr beträgt 3,00 EUR.

Bitte sorgen Sie für ausreichende Deckung Ihres Kontos.

Mit freundlichen Grüßen
Ihre Sparkasse Oberland""",
        kind=X,
    ),
    Sample(
        sender="Hausverwaltung Lindner <vermietung@hv-lindner.example>",
        subject="Ihre Anfrage zur Wohnung Körnerstraße 8, 2. OG",
        body="""Sehr geehrte Damen und Herren,

vielen Dank für Ihr Interesse an der Wohnung in der Körnerstraße 8 und für Ihre
vollständige Bewerbungsmappe.

Leider müssen wir Ihnen mitteilen, dass die Wohnung bereits an andere Interessenten
vergeben wurde. Wir haben uns für Bewerber entschieden, die zum gewünschten Termin
einziehen können.

Gern nehmen wir Sie in unsere Interessentenliste für ähnliche Objekte auf.

Mit freundlichen Grüßen
Hausverwaltung Lindner""",
        kind=X,
    ),
    Sample(
        sender="TC Blau-Weiß Ostend e.V. <vorstand@tc-blauweiss-ostend.example>",
        subject="Dein Mitgliedsantrag",
        body="""Hallo Sam,

danke für deinen Mitgliedsantrag! Leider ist unsere Erwachsenenabteilung für diese Saison
voll, wir können dich deshalb gerade nicht aufnehmen.

Wir haben dich auf die Warteliste gesetzt und melden uns, sobald ein Platz frei wird.

Sportliche Grüße
Der Vorstand des TC Blau-Weiß Ostend""",
        kind=X,
    ),
    Sample(
        sender="Anja Seidel <anja.seidel@vendrix.de>",
        subject="Ihr Vertragsangebot – Senior Data Engineer",
        body="""Hallo Sam,

wir freuen uns sehr, Ihnen nach den tollen Gesprächen die Position als Senior Data
Engineer bei der Vendrix GmbH anbieten zu können!

Anbei finden Sie den Arbeitsvertrag zur Durchsicht. Das Jahresbruttogehalt beträgt wie
besprochen 78.000 EUR, Start wäre der 1. Mai 2026. Wir würden uns über Ihre Rückmeldung bis
zum 13. März freuen.

Herzliche Grüße
Anja Seidel
People & Culture, Vendrix GmbH""",
        kind=O,
    ),
    Sample(
        sender="Kaskade GmbH <no-reply@eu.greenhouse-mail.io>",
        subject="Nächster Schritt: Online-Test",
        body="""Hi Sam,

danke für deine Bewerbung als Backend Engineer bei Kaskade! Als nächsten Schritt möchten
wir dich zu unserem Online-Test einladen.

Der Test dauert ca. 60 Minuten und besteht aus zwei kleinen Programmieraufgaben. Du hast
dafür bis zum 12. März Zeit:
https://kaskade.example/assessment/91f2

Viel Erfolg!
Dein People-Team von Kaskade"""
        + GREENHOUSE_FOOTER,
        kind=I,
    ),
    Sample(
        sender="Jobfinder <jobagent@jobfinder-mail.example>",
        subject="Neue Jobs für dich: Data Engineer in Berlin",
        body="""Hallo Sam,

wir haben 8 neue Stellen für deinen Jobagenten „Data Engineer, Berlin" gefunden:

• Data Engineer (m/w/d) – Spreewerk Energie – Berlin
• Senior Data Engineer – Kiezbank AG – Berlin / Remote
• Analytics Engineer (w/m/d) – Tempelhof Mobility – Berlin

Alle Jobs ansehen: https://jobfinder.example/agent/5521

Leider passt nicht jeder Job perfekt? Passe deinen Jobagenten an.

Du erhältst diese E-Mail, weil du einen Jobagenten angelegt hast.
Abmelden: https://jobfinder.example/abmelden""",
        kind=X,
        headers=BULK,
    ),
    Sample(
        sender="Tessmer Automotive <noreply@tessmer.jobs.personio.de>",
        subject="Bestätigung: Rückzug Ihrer Bewerbung",
        body="""Guten Tag Sam Lee,

hiermit bestätigen wir, dass Sie Ihre Bewerbung als Entwicklungsingenieur Elektronik
zurückgezogen haben. Ihre Daten werden gemäß unserer Datenschutzerklärung gelöscht.

Schade, dass es diesmal nicht passt – wir freuen uns, wenn Sie sich künftig wieder bei uns
bewerben.

Mit freundlichen Grüßen
Tessmer Automotive GmbH""",
        kind=X,
    ),
    Sample(
        sender="Markus Engel <markus.engel@auenwald-software.de>",
        subject="Verschiebung unseres Gesprächs",
        body="""Hallo Sam,

leider müssen wir unser Gespräch am Mittwoch verschieben, da ich kurzfristig auf eine
Dienstreise muss. Das tut mir sehr leid.

Passt Ihnen stattdessen Freitag, 10:30 Uhr, oder Montag, 14 Uhr? Der Teams-Link bleibt
derselbe.

Viele Grüße
Markus Engel
Head of Data, Auenwald Software GmbH""",
        kind=I,
    ),
]

# --------------------------------------------------------------------------------------------
# Look-alikes, French
# --------------------------------------------------------------------------------------------
LOOKALIKES_FR = [
    Sample(
        sender="Sophie Lemaire <sophie.lemaire@arvalis-tech.fr>",
        subject="Invitation à un entretien – Data Analyst",
        body="""Bonjour Sam,

Suite à votre candidature au poste de Data Analyst, j'ai le plaisir de vous proposer un
premier entretien en visioconférence avec notre responsable data.

Seriez-vous disponible jeudi 12 mars à 14h ou vendredi 13 mars à 10h ? L'échange durera
environ 45 minutes.

Dans l'attente de votre retour,
Sophie Lemaire
Chargée de recrutement – Arvalis Tech""",
        kind=I,
    ),
    Sample(
        sender="Groupe Vellane <noreply@smartrecruiters.com>",
        subject="Confirmation de votre candidature – Auditeur interne",
        body="""Madame, Monsieur,

Nous vous confirmons la bonne réception de votre candidature au poste d'Auditeur interne
et vous remercions de l'intérêt que vous portez au Groupe Vellane.

Votre dossier va être étudié avec attention par nos équipes. Si votre profil correspond à
nos attentes, nous reviendrons vers vous dans les meilleurs délais.

La Direction des Ressources Humaines
Groupe Vellane

Ce message vous a été envoyé par SmartRecruiters pour le compte de Groupe Vellane.""",
        kind=C,
    ),
    Sample(
        sender="Banque Rivage <conseiller@banque-rivage.example>",
        subject="Votre demande de prêt immobilier",
        body="""Bonjour Monsieur Lee,

Nous avons étudié avec attention votre demande de prêt immobilier n° 2026-44817.

Malheureusement, nous ne sommes pas en mesure d'y donner une suite favorable : le taux
d'endettement du projet dépasse les critères en vigueur.

Votre conseiller reste à votre disposition pour étudier un nouveau plan de financement.

Cordialement,
Banque Rivage – Agence Nantes Centre""",
        kind=X,
    ),
    Sample(
        sender="Colis Express <notification@colis-express.example>",
        subject="Votre colis n'a pas pu être livré",
        body="""Bonjour,

Malheureusement, votre colis n° CE 8812 4470 FR n'a pas pu être livré aujourd'hui
(destinataire absent).

Il vous attend dans votre point relais à partir de demain 14h :
Tabac-Presse du Marché, 3 place du Marché, 44000 Nantes.

Colis Express""",
        kind=X,
    ),
    Sample(
        sender="Élodie Garnier <elodie.garnier@ophelia-sante.fr>",
        subject="Proposition d'embauche – Product Manager",
        body="""Bonjour Sam,

J'ai le grand plaisir de vous annoncer que nous souhaitons vous proposer le poste de
Product Manager chez Ophélia Santé, en CDI, à compter du 4 mai 2026.

Vous trouverez ci-joint la promesse d'embauche détaillant la rémunération (58 k€ bruts
annuels + variable) et les avantages. Merci de nous faire part de votre décision d'ici le
16 mars.

Toute l'équipe a hâte de travailler avec vous !

Élodie Garnier
DRH, Ophélia Santé""",
        kind=O,
    ),
    Sample(
        sender="Le Mag Carrière <newsletter@lemagcarriere.example>",
        subject="5 conseils pour rebondir après un refus de candidature",
        body="""Le Mag Carrière – n° 87

« Nous avons le regret de vous informer que votre candidature n'a pas été retenue. »
Qui n'a jamais reçu ce message ? Cette semaine, nos conseils pour transformer un refus en
occasion d'apprendre :

1. Demandez un retour, poliment et rapidement.
2. Relisez votre lettre de motivation avec un regard neuf.
3. Gardez le contact avec le recruteur.

Lire l'article : https://lemagcarriere.example/refus

Vous recevez cette lettre car vous êtes abonné(e) au Mag Carrière.
Se désabonner : https://lemagcarriere.example/desabonnement""",
        kind=X,
        headers=BULK,
    ),
    Sample(
        sender="Nuvola <no-reply@hire.lever.co>",
        subject="Nuvola - Test technique",
        body="""Bonjour Sam,

Merci pour votre candidature au poste d'Ingénieur SRE chez Nuvola !

La prochaine étape est un test technique à réaliser chez vous (environ 2 heures). Vous
trouverez l'énoncé ici : https://nuvola.example/test/3f8d

Vous avez une semaine pour nous le renvoyer. Nous en discuterons ensuite ensemble lors
d'un entretien.

À bientôt,
L'équipe Nuvola""",
        kind=I,
    ),
    Sample(
        sender="Scolarité Master Data Science <master-ds@univ-valbonne.fr>",
        subject="Candidature eCandidat – Master Data Science",
        body="""Madame, Monsieur,

Nous vous informons que la commission pédagogique a examiné votre dossier de candidature
en Master 1 Data Science pour la rentrée 2026.

Malheureusement, votre candidature n'a pas été retenue, le nombre de places étant limité.
Vous pouvez consulter le détail de la décision sur la plateforme eCandidat.

Le service de scolarité
UFR Sciences – Université de Valbonne""",
        kind=X,
    ),
    Sample(
        sender="Thomas Bernard <t.bernard@chasseurs-talents.example>",
        subject="Opportunité – Lead Data Engineer (Paris)",
        body="""Bonjour Sam,

Je me permets de vous contacter car votre parcours a retenu mon attention. J'accompagne
actuellement une scale-up parisienne de la mobilité qui recrute un Lead Data Engineer.

Poste en CDI, 2 jours de télétravail, package entre 75 et 85 k€.

Seriez-vous ouvert à un échange téléphonique de 15 minutes cette semaine ?

Bien cordialement,
Thomas Bernard
Consultant senior – Chasseurs de Talents""",
        kind=X,
    ),
    Sample(
        sender="Emploi Direct <alertes@emploi-direct.example>",
        subject="Vos nouvelles offres : Développeur Python – Lyon",
        body="""<html><body style="font-family:Arial,sans-serif;">
<p>Bonjour Sam,</p>
<p>Voici les nouvelles offres correspondant à votre alerte
<b>« Développeur Python – Lyon »</b> :</p>
<table cellpadding="6" style="border-collapse:collapse;">
<tr><td><b>Développeur Python H/F</b></td><td>Lumio – Lyon 7e</td></tr>
<tr><td><b>Ingénieur Backend Python</b></td><td>Rhône Data – Villeurbanne</td></tr>
<tr><td><b>Développeur Django</b></td><td>Agence Canut – Lyon 2e</td></tr>
</table>
<p style="font-size:11px;color:#777777;">Vous recevez cet e-mail car vous avez créé une
alerte. <a href="https://emploi-direct.example/desinscription">Se désinscrire</a></p>
</body></html>""",
        kind=X,
        html=True,
        headers=BULK,
    ),
]

# --------------------------------------------------------------------------------------------
# Look-alikes, Spanish
# --------------------------------------------------------------------------------------------
LOOKALIKES_ES = [
    Sample(
        sender="Andrea Molina <andrea.molina@nexaroute.es>",
        subject="Entrevista – Data Engineer en Nexaroute",
        body="""Hola Sam:

Gracias por tu candidatura al puesto de Data Engineer. Nos ha gustado mucho tu perfil y
nos encantaría conocerte en una primera entrevista por videollamada.

¿Te vendría bien el martes 10 a las 16:00 o el miércoles 11 a las 11:00 (hora de
Madrid)? Serán unos 45 minutos con nuestro CTO.

Un saludo,
Andrea Molina
People Partner · Nexaroute""",
        kind=I,
    ),
    Sample(
        sender="Cactus Digital <noreply@workablemail.com>",
        subject="Hemos recibido tu candidatura",
        body="""¡Hola, Sam!

Gracias por postularte como Content Strategist en Cactus Digital. Te confirmamos que hemos
recibido tu candidatura correctamente.

Nuestro equipo la revisará en los próximos días. Si tu perfil encaja, nos pondremos en
contacto contigo para los siguientes pasos.

¡Gracias por tu interés!
El equipo de Cactus Digital

Enviado con Workable""",
        kind=C,
    ),
    Sample(
        sender="Banco Meridiano <avisos@bancomeridiano.example>",
        subject="Operación rechazada con tu tarjeta",
        body="""Hola Sam:

Lamentablemente, tu pago de 129,90 EUR en TIENDA ONLINE ELECTRO SL ha sido rechazado
porque supera el límite diario de tu tarjeta terminada en 0931.

Si no reconoces esta operación, llámanos al 900 555 123.

Banco Meridiano""",
        kind=X,
    ),
    Sample(
        sender="Fundación Alcor <becas@fundacionalcor.example.org>",
        subject="Resolución de la convocatoria de becas de posgrado 2026",
        body="""Estimado/a Sam Lee:

Le comunicamos que la comisión de evaluación ha resuelto la convocatoria de becas de
posgrado 2026.

Lamentablemente, su solicitud no ha sido seleccionada en esta edición. La lista de
personas beneficiarias está publicada en nuestra web.

Le animamos a presentarse de nuevo en la próxima convocatoria.

Atentamente,
Fundación Alcor""",
        kind=X,
    ),
    Sample(
        sender="Iván Castro <ivan.castro@solenta.com>",
        subject="Oferta – Analista de Datos",
        body="""Hola Sam,

¡Enhorabuena! Nos complace ofrecerte el puesto de Analista de Datos en Solenta.

Te adjunto la carta oferta con las condiciones: contrato indefinido, 42.000 EUR brutos
anuales y modelo híbrido (3 días en remoto). La fecha de incorporación propuesta es el 1 de
abril.

Quedo atento a tus dudas. ¡Ojalá podamos trabajar juntos pronto!

Iván Castro
Head of People, Solenta""",
        kind=O,
    ),
    Sample(
        sender="Paloma Pay <no-reply@us.greenhouse-mail.io>",
        subject="Siguiente fase: entrevista técnica",
        body="""Hola Sam:

¡Buenas noticias! Después de tu conversación con el equipo, nos gustaría que pasaras a la
siguiente fase del proceso para el puesto de Ingeniero/a de Datos: una entrevista técnica
de 90 minutos.

Elige el horario que mejor te venga aquí:
https://app.greenhouse.io/scheduling/availability/e41d07

Un saludo,
Equipo de Talento de Paloma Pay"""
        + GREENHOUSE_FOOTER,
        kind=I,
    ),
    Sample(
        sender="Entradas Festival Sur <info@festivalsur.example>",
        subject="Entradas agotadas",
        body="""Hola Sam:

Lamentablemente, las entradas para el Festival Sur 2026 se han agotado. Te hemos apuntado
a la lista de espera; si se liberan entradas, te avisaremos por correo.

¡Gracias por tu interés!
Festival Sur""",
        kind=X,
    ),
    Sample(
        sender="Consulado – Citas <citas@consulado.example>",
        subject="Solicitud de cita para visado",
        body="""Estimado/a solicitante:

Lamentablemente, no hay citas disponibles para la tramitación de visados en las fechas
seleccionadas. Le rogamos que vuelva a consultar el sistema de citas la próxima semana.

Este es un mensaje automático; por favor, no responda a este correo.""",
        kind=X,
    ),
    Sample(
        sender="Dani Ortega <dani.ortega92@gmail.com>",
        subject="me dijeron que no",
        body="""Sam!!

Me acaba de llegar el correo de Solenta: "lamentablemente hemos decidido continuar con
otros candidatos". Después de tres entrevistas, tío. Qué rabia.

Bueno, me alegro un montón por lo tuyo con ellos, de verdad. ¿Cañas el viernes y me
cuentas?

Dani""",
        kind=X,
    ),
    Sample(
        sender="Lucía Fernández <lucia.fernandez@brisamar.es>",
        subject="Cambio de hora de tu entrevista",
        body="""Hola Sam,

Lamentablemente tenemos que cambiar la hora de tu entrevista para el puesto de Revenue
Analyst: el director financiero tiene un viaje imprevisto el jueves.

¿Podrías el viernes a las 12:00? Si no te va bien, dime qué huecos tienes la semana que
viene.

Perdona las molestias,
Lucía
Talent Acquisition · Brisamar Hoteles""",
        kind=I,
    ),
]

SAMPLES: list[Sample] = (
    REJECTIONS_EN
    + REJECTIONS_DE
    + REJECTIONS_FR
    + REJECTIONS_ES
    + LOOKALIKES_EN
    + LOOKALIKES_DE
    + LOOKALIKES_FR
    + LOOKALIKES_ES
)

# The user's job tracker: the company names as they typed them when logging applications.
PIPELINE: list[str] = [
    # companies of rejections above (9 rejections come from companies never logged)
    "Northwind Analytics",
    "Helio Labs",
    "Quantra",
    "Brightwater Health",
    "Redfield Logistics",
    "Tidepool",
    "Halcyon Bank",
    "Ardent Robotics",
    "Orbital Foods",
    "Linden & Finch",
    "City of Millbrook",
    "University of Eastbrook",
    "Copperleaf",
    "Meridian Energy",
    "Fjord Studio",
    "Brandt & Vogel GmbH",
    "Stadtwerke Leinfeld",
    "Lumen Software",
    "Universität Rheinfeld",
    "Halvorsen Pharma",
    "Kaskade GmbH",
    "Nordlicht Versicherung AG",
    "Maison Laurier",
    "Groupe Vellane",
    "Atelier Sorel",
    "Orane Conseil",
    "Université de Valbonne",
    "Crédit Mérial",
    "Nuvola",
    "Paloma Pay",
    "Grupo Almendro",
    "Brisamar Hoteles",
    "Ayuntamiento de Villaverde del Río",
    "Cactus Digital",
    "Banca Olivar",
    # companies of interview, offer, confirmation and withdrawal mail
    "Cobalt Health",
    "Lattice Freight",
    "Solace Energy",
    "Marlow Systems",
    "Alder Financial",
    "Harborpoint Media",
    "Brightforge",
    "Tamarind Health",
    "Vireo",
    "Sable Cloud",
    "Tallis Retail",
    "Feldberg Logistik GmbH",
    "Rheinwerk Chemie",
    "Vendrix GmbH",
    "Tessmer Automotive",
    "Arvalis Tech",
    "Ophélia Santé",
    "Nexaroute",
    "Solenta",
    # applications that no mail here mentions
    "Ashgrove Insurance",
    "Bluepeak Software",
    "Corvid Security",
    "Driftwood Studios",
    "Elmstone Partners",
    "Foxglove Bio",
    "Granite Peak Capital",
    "Hollis & Reed",
    "Ironbark Systems",
    "Juniper Mobility",
    "Kettle Analytics",
    "Lakeshore Media",
    "Mosaic Learning",
    "Nettlefield GmbH",
    "Obsidian Labs",
    "Papillon Conseil",
    "Quimera Tecnología",
    "Rotbuche AG",
    "Saltmarsh Consulting",
    "Tramontana Energía",
]
