"""Held-out corpus for the issue-14 rejection classifier, written independently of the
tuning corpus: rejections and look-alikes in English, German, French and Spanish, from ATS
systems and from people. Test data only; every company, person and address is invented."""

from __future__ import annotations

from tests.core.email_corpus import C, I, O, R, Sample, X

_BULK = {"Precedence": "bulk"}
_AUTO = {"Auto-Submitted": "auto-generated"}


def _list(url: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Precedence": "bulk",
    }


REJECTIONS_EN: list[Sample] = [
    Sample(
        sender="Northwind Robotics <no-reply@us.greenhouse-mail.io>",
        subject="Your application to Northwind Robotics",
        body="""\
Hi Sam,

Thank you for taking the time to apply for the Senior Backend Engineer opening here at
Northwind Robotics. We really appreciate your interest in what we're building.

We've reviewed your background carefully, and we've decided to focus on candidates whose
experience lines up more closely with the specific needs of this team right now.

We know this is a lot of effort to put into an application, and we're grateful you
considered us. We wish you the best in your search.

Warmly,
The Northwind Robotics Talent Team

---
Northwind Robotics, Inc. · 2200 Harbor Way, Oakland, CA 94607
This email was sent via Greenhouse. Please do not reply directly to this message.
""",
        kind=R,
        company="Northwind Robotics",
        role="Senior Backend Engineer",
        headers=_AUTO,
    ),
    Sample(
        sender="Halcyon Health <no-reply@hire.lever.co>",
        subject="Halcyon Health - Product Designer",
        body="""\
Hi Sam,

Thanks so much for your interest in Halcyon Health. We had a lot of strong designers apply,
and after looking closely at your portfolio we won't be moving your candidacy forward at
this point.

We'd genuinely encourage you to keep an eye on our careers page as the team grows.

Best,
Halcyon Health Recruiting
""",
        kind=R,
        company="Halcyon Health",
        role="Product Designer",
    ),
    Sample(
        sender="Quillpad Hiring <no-reply@ashbyhq.com>",
        subject="Thank you from Quillpad",
        body="""\
Hey Sam,

Thank you for the conversations over the last couple of weeks about the Founding Engineer
position. Everyone who met you enjoyed it.

After a lot of discussion we're not going to proceed with your candidacy. This was a hard
call: the bar for this hire is unusually specific, and we've chosen someone who has already
run infrastructure at a very early-stage company.

If you'd like a few words of feedback, just reply and I'll set up 15 minutes.

Rafael
Co-founder, Quillpad

Powered by Ashby
""",
        kind=R,
        company="Quillpad",
        role="Founding Engineer",
    ),
    Sample(
        sender="Baxter-Lindqvist Pharma <baxterlindqvist@myworkday.com>",
        subject="Update on Your Application - R-20451 Clinical Data Manager",
        body="""\
<html><body style="margin:0;padding:0;background:#f4f4f4">
<table width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr><td align="center">
<table width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;
font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#333333">
<tr><td style="padding:24px;background:#00356b;color:#ffffff;font-size:20px">
Baxter-Lindqvist Pharma</td></tr>
<tr><td style="padding:24px">
<p>Dear Sam Lee,</p>
<p>Thank you for your interest in the <b>Clinical Data Manager</b> position
(Job Requisition R-20451) with Baxter-Lindqvist Pharma.</p>
<p>We have now completed our review, and we regret that we will not be progressing your
application further. This position has been filled by a candidate whose experience most
closely met the requirements of the role.</p>
<p>We encourage you to visit our Careers site regularly and apply for other positions
that match your skills.</p>
<p>Kind regards,<br>Talent Acquisition<br>Baxter-Lindqvist Pharma</p>
</td></tr>
<tr><td style="padding:16px 24px;font-size:11px;color:#888888;border-top:1px solid #dddddd">
This is a system-generated message from Workday. Replies to this address are not
monitored.<br>Baxter-Lindqvist Pharma is an equal opportunity employer. All qualified
applicants will receive consideration without regard to race, color, religion, sex,
sexual orientation, gender identity, national origin, disability or veteran status.<br>
<a href="https://baxterlindqvist.wd3.myworkdayjobs.com/en-US/careers/privacy">
Privacy notice</a></td></tr>
</table></td></tr></table></body></html>
""",
        kind=R,
        company="Baxter-Lindqvist Pharma",
        role="Clinical Data Manager",
        html=True,
        headers=_AUTO,
    ),
    Sample(
        sender="St. Aldhelm's Medical Center <stald-careers@icims.com>",
        subject="Your application status",
        body="""\
<div style="font-family:Verdana,sans-serif;font-size:13px">
<p>Dear Sam,</p>
<p>Thank you for applying for <strong>Registered Nurse - Cardiac Step-Down Unit</strong>
(Requisition 2026-4812) at St. Aldhelm's Medical Center.</p>
<p>After reviewing all applicants, the hiring team has selected another candidate whose
qualifications more closely meet the needs of the unit at this time. Your application for
this requisition is now closed.</p>
<p>Your candidate profile remains active, and you are welcome to apply to any other
openings that interest you.</p>
<p>Sincerely,<br>Human Resources<br>St. Aldhelm's Medical Center</p>
<hr style="border:none;border-top:1px solid #ccc">
<p style="font-size:10px;color:#777">Please do not reply to this email. This mailbox is
not monitored. Powered by iCIMS.</p>
</div>
""",
        kind=R,
        company="St. Aldhelm's Medical Center",
        role="Registered Nurse - Cardiac Step-Down Unit",
        html=True,
    ),
    Sample(
        sender="Fernhill Outfitters <noreply@smartrecruiters.com>",
        subject="Your application for Store Manager at Fernhill Outfitters",
        body="""\
Hello Sam,

Thanks for applying to be a Store Manager with Fernhill Outfitters (Portland - Pearl
District). We enjoyed learning about your retail leadership experience.

We have reviewed every application carefully, and on this occasion we will not be moving
forward with yours.

We'd love to stay in touch, though. We've added you to our talent community, so you'll
hear about new openings near you.

See you on the trail,
Fernhill Outfitters People Team

You received this email because you applied to a job at Fernhill Outfitters through
SmartRecruiters. Manage your data preferences: https://jobs.smartrecruiters.com/privacy
""",
        kind=R,
        company="Fernhill Outfitters",
        role="Store Manager",
    ),
    Sample(
        sender="Priya Raman <priya@talentbridge-partners.com>",
        subject="Re: Data Engineer",
        body="""\
Hi Sam,

Quick one, sorry it's not better news: Corvid Analytics came back this morning and they're
going with someone who has more hands-on Spark experience. They liked you though, the
hiring manager said your SQL was excellent.

I'll keep you in mind for the next thing that comes through. Chat soon?

Priya

--
Priya Raman | Senior Consultant, Data & Analytics
TalentBridge Partners | +44 20 7946 0321

> On Thu, 26 Feb 2026 at 16:02, Sam Lee <sam@example.org> wrote:
> Hi Priya, any news from Corvid on the Data Engineer role?
""",
        kind=R,
        company="Corvid Analytics",
        role="Data Engineer",
    ),
    Sample(
        sender="Daniel Okafor <dan@lumenfold.io>",
        subject="Thank you, Sam",
        body="""\
Hi Sam,

I wanted to write to you myself rather than have this come through the system.

Thank you for everything you put into the last few weeks: the take-home, the panel, and
Thursday's final interview with Aisha and me. You were thoughtful the whole way through,
and the way you talked about the pricing experiment has stuck with the team.

I know this isn't the outcome you hoped for. We've offered the Staff Product Manager role to
another candidate who has spent several years on a B2B billing product, which is the
area this hire will own from day one. It came down to that, not to anything you did wrong.

If it would help, I'm very happy to share more specific thoughts on a call. And I hope our
paths cross again; I'd be glad to hear from you in the future.

All the best,
Daniel

Daniel Okafor
VP Product, Lumenfold
""",
        kind=R,
        company="Lumenfold",
        role="Staff Product Manager",
    ),
    Sample(
        sender="Eastbridge People Services <recruitment@eastbridge.ac.uk>",
        subject="Vacancy ref 4471 – Research Software Engineer",
        body="""\
Dear Sam Lee,

Vacancy reference: 4471
Post: Research Software Engineer, School of Earth Sciences

We are writing to let you know that, following a review of departmental funding, this post
has been put on hold and we are closing all applications received for it. Your application
will therefore not be considered further.

We apologise for any disappointment this causes. Should the post be re-advertised, you
would be very welcome to apply again.

Yours sincerely,

Recruitment Team
People Services, University of Eastbridge

The University of Eastbridge is a registered charity, no. 1139812. This email and any
attachments are confidential and intended solely for the addressee.
""",
        kind=R,
        company="University of Eastbridge",
        role="Research Software Engineer",
    ),
    Sample(
        sender="Mosaic Learning <noreply@workablemail.com>",
        subject="Update",
        body="""\
Hi Sam,

Thanks again for speaking with us about the Customer Success Lead position.

We have given your application careful thought and have decided not to advance it to the
next steps of our process. We had many excellent candidates, and the decision was not an
easy one.

We wish you every success,
Mosaic Learning

--
Sent with Workable · Mosaic Learning Ltd, 14 Clerkenwell Green, London EC1R 0DP
""",
        kind=R,
        company="Mosaic Learning",
        role="Customer Success Lead",
    ),
    Sample(
        sender="City of Larkspur Human Resources <jobs@larkspur.gov>",
        subject="Notice of Eligibility Status - Senior Planner (#2026-118)",
        body="""\
NOTICE OF ELIGIBILITY STATUS

Applicant: Sam Lee
Recruitment: Senior Planner, Community Development Department
Recruitment number: 2026-118

Thank you for your interest in employment with the City of Larkspur. The Human Resources
Department has completed the evaluation of applications for the above recruitment.

Based on the evaluation of your application materials against the minimum and desirable
qualifications, you were not among the candidates selected to proceed to the oral
interview phase. Your name will not be placed on the eligibility list.

You may request a review of this decision in writing within five (5) business days of the
date of this notice.

City of Larkspur | Human Resources | 300 Civic Center Plaza, Larkspur
""",
        kind=R,
        company="City of Larkspur",
        role="Senior Planner",
    ),
    Sample(
        sender="Kessler Aerospace Careers <careers@successfactors.com>",
        subject="Your application: Systems Engineer (Req 88213)",
        body="""\
<html><head><meta charset="utf-8"></head>
<body style="font-family:'Segoe UI',Arial,sans-serif;font-size:14px;color:#222">
<table width="640" align="center" cellpadding="0" cellspacing="0" border="0">
<tr><td style="border-bottom:4px solid #c8102e;padding:12px 0">
<img src="https://career5.successfactors.eu/kessler/logo.png" alt="Kessler Aerospace"
height="36"></td></tr>
<tr><td style="padding:20px 0">
Dear Sam,<br><br>
Thank you for your interest in the Systems Engineer position (Requisition 88213) at
Kessler Aerospace.<br><br>
After careful consideration, we regret to inform you that we will be pursuing other
candidates for this position.<br><br>
We appreciate the time you invested in your application and wish you success in your
career.<br><br>
Best regards,<br>
Kessler Aerospace Talent Acquisition
</td></tr>
<tr><td style="font-size:10px;color:#999;padding-top:24px">
Kessler Aerospace GmbH &amp; Co. KG, Sitz: Bremen, Registergericht Bremen HRA 28811.
This message was generated automatically by SAP SuccessFactors. Do not reply.<br>
If you wish to delete your candidate profile, log in to the careers portal and select
"Delete profile".
</td></tr></table></body></html>
""",
        kind=R,
        company="Kessler Aerospace",
        role="Systems Engineer",
        html=True,
    ),
    Sample(
        sender="Mira from Tandem <mira@tandem.so>",
        subject="quick note",
        body="""\
Hey Sam — honestly loved chatting on Monday. We talked it over as a team and we're going to
hire someone more senior for the frontend engineer spot, mostly because nobody else here
would be around to mentor. Nothing you could have done differently. Hope we get to work
together at some point!

mira
""",
        kind=R,
        company="Tandem",
        role="Frontend Engineer",
    ),
    Sample(
        sender="Brightwater Studios <no-reply@teamtailor-mail.com>",
        subject="Your application",
        body="""\
Hi Sam,

We've now filled the Game Producer role, so we won't be able to offer you a position with
us this time around.

Thanks a lot for wanting to join Brightwater. We'll keep your application in our talent
pool for 12 months and may reach out if something fitting opens up. You can remove your
details at any time from the link below.

Cheers,
Brightwater Studios

Manage your data: https://brightwater.teamtailor.com/connect/manage
""",
        kind=R,
        company="Brightwater Studios",
        role="Game Producer",
    ),
    Sample(
        sender="Oakline Logistics <jobs@oakline.recruitee.com>",
        subject="Warehouse Operations Supervisor at Oakline Logistics",
        body="""\
Dear Sam,

Thank you for your application for the role of Warehouse Operations Supervisor at our
Daventry site.

We received a very high number of applications and, having reviewed yours against the
shortlisting criteria, we are sorry to tell you that you have been unsuccessful on this
occasion.

Kind regards,
Oakline Logistics Recruitment

Sent via Recruitee
""",
        kind=R,
        company="Oakline Logistics",
        role="Warehouse Operations Supervisor",
    ),
    Sample(
        sender="Tom Reyes <tomreyes.dds@gmail.com>",
        subject="Front desk position",
        body="""\
Hi Sam,

Thanks for coming by the office on Friday to meet Dr. Alvarez and the team.
After talking it over, we've offered the Patient Coordinator job to someone who's worked
with our scheduling software before, and she accepted this morning.

I'll hold on to your resume in case anything opens up later this year.

Thanks again,
Tom Reyes, DDS
Pinecrest Dental Group
(503) 555-0148
""",
        kind=R,
        company="Pinecrest Dental Group",
        role="Patient Coordinator",
    ),
    Sample(
        sender="Verity Insurance Talent <talent@mail.vty-hr.com>",
        subject="Regarding your recent application",
        body="""\
Dear Sam,

We are grateful for the interest you have shown in the Claims Analyst II opportunity.

Having reviewed your application alongside others we received, we have concluded that
other applicants more closely match the profile we are looking for at this stage, and we
will not be taking your application further.

We hope you will consider us for future opportunities.

Regards,
Talent Acquisition Team
""",
        kind=R,
        company="Verity Insurance",
        role="Claims Analyst II",
    ),
]

REJECTIONS_DE: list[Sample] = [
    Sample(
        sender="Müller & Söhne KG <jobs@mueller-soehne.jobs.personio.de>",
        subject="Ihre Bewerbung als Industriekaufmann (m/w/d)",
        body="""\
Sehr geehrte Frau Lee,

vielen Dank für Ihr Interesse an unserem Unternehmen und die Zeit, die Sie in Ihre
Bewerbung investiert haben.

Leider müssen wir Ihnen mitteilen, dass wir uns nach sorgfältiger Prüfung aller Unterlagen
für eine Kandidatin entschieden haben, deren Profil unseren aktuellen Anforderungen noch
etwas genauer entspricht.

Wir wünschen Ihnen für Ihren weiteren beruflichen Weg alles Gute und viel Erfolg.

Mit freundlichen Grüßen

Ihr Personalteam
Müller & Söhne KG

Müller & Söhne KG · Industriestraße 12 · 73430 Aalen
Sitz der Gesellschaft: Aalen · Amtsgericht Ulm HRA 720145
Diese E-Mail wurde über Personio versendet.
""",
        kind=R,
        company="Müller & Söhne KG",
        role="Industriekaufmann",
    ),
    Sample(
        sender="Stadtwerke Rheinfeld <stadtwerke-rheinfeld@myworkday.com>",
        subject="Rückmeldung zu Ihrer Bewerbung",
        body="""\
<html><body>
<table cellpadding="0" cellspacing="0" width="600" style="font-family:Arial;font-size:14px">
<tr><td style="background:#005a9c;color:#fff;padding:16px;font-size:18px">
Stadtwerke Rheinfeld</td></tr>
<tr><td style="padding:20px">
<p>Guten Tag Sam Lee,</p>
<p>Sie haben sich bei uns auf die Position <b>Netzingenieur Strom</b>
(Referenz JR-3307) beworben. Dafür danken wir Ihnen herzlich.</p>
<p>Nach eingehender Prüfung Ihrer Unterlagen bedauern wir, Ihnen mitteilen zu müssen, dass
wir Ihre Bewerbung im weiteren Auswahlverfahren nicht berücksichtigen können.</p>
<p>Ihre Daten löschen wir entsprechend unserer Datenschutzhinweise nach Ablauf von sechs
Monaten.</p>
<p>Freundliche Grüße<br>Ihr Recruiting-Team der Stadtwerke Rheinfeld</p>
</td></tr>
<tr><td style="font-size:10px;color:#777;padding:12px 20px">
Dies ist eine automatisch generierte Nachricht. Bitte antworten Sie nicht auf diese
E-Mail.</td></tr></table>
</body></html>
""",
        kind=R,
        company="Stadtwerke Rheinfeld",
        role="Netzingenieur Strom",
        html=True,
    ),
    Sample(
        sender="Jonas Brandt <jonas@kiezkraft.de>",
        subject="Unser Gespräch letzte Woche",
        body="""\
Hi Sam,

danke nochmal für das nette Gespräch am Mittwoch, hat echt Spaß gemacht!

Ich will dich nicht länger warten lassen: Wir haben uns am Ende für jemanden entschieden,
der schon deutlich mehr Erfahrung mit React Native mitbringt – für die Mobile
Developer-Stelle ist das gerade leider ausschlaggebend, weil wir die App in drei Monaten
live bringen müssen.

Wenn du magst, geb ich dir gern noch ein kurzes Feedback am Telefon.

Viele Grüße
Jonas

--
Jonas Brandt · CTO
KiezKraft GmbH · Oranienstraße 185 · 10999 Berlin
""",
        kind=R,
        company="KiezKraft GmbH",
        role="Mobile Developer",
    ),
    Sample(
        sender="Klinikum Ostalb – Personalabteilung <bewerbung@klinikum-ostalb.de>",
        subject="Ihre Bewerbung vom 12.02.2026 – Kennziffer 2026-031",
        body="""\
Sehr geehrte/r Sam Lee,

wir bedanken uns für Ihre Bewerbung als Gesundheits- und Krankenpfleger/in für unsere
Intensivstation (Kennziffer 2026-031).

Die Stelle konnte zwischenzeitlich anderweitig besetzt werden. Wir bitten um Ihr
Verständnis, dass wir Ihnen daher keine positive Nachricht geben können.

Ihre Bewerbungsunterlagen werden gemäß Art. 17 DSGVO sechs Monate nach Abschluss des
Verfahrens gelöscht.

Mit freundlichen Grüßen
Im Auftrag

Petra Schaible
Personalabteilung

Klinikum Ostalb gGmbH · Im Kälblesrain 1 · 73430 Aalen
Geschäftsführer: Dr. Ulrich Henke · Amtsgericht Ulm HRB 501234
""",
        kind=R,
        company="Klinikum Ostalb",
        role="Gesundheits- und Krankenpfleger/in",
    ),
    Sample(
        sender="Fjordgrün <no-reply@teamtailor-mail.com>",
        subject="Deine Bewerbung bei Fjordgrün",
        body="""\
Hallo Sam,

vielen Dank, dass du dich als Werkstudent*in Marketing bei uns beworben hast!

Wir haben uns alle Bewerbungen genau angeschaut und müssen dir diesmal leider mitteilen,
dass wir dir keine Zusage geben können. Es waren wirklich viele tolle Profile dabei.

Gern würden wir dich in unseren Talentpool aufnehmen, damit wir dich bei passenden
Stellen direkt ansprechen können. Du kannst deine Einwilligung jederzeit widerrufen.

Liebe Grüße
dein Fjordgrün-Team

Datenschutz: https://fjordgruen.teamtailor.com/privacy
""",
        kind=R,
        company="Fjordgrün",
        role="Werkstudent*in Marketing",
    ),
    Sample(
        sender="Dr. Katrin Weiß <k.weiss@hartwig-consulting.de>",
        subject="Ihr Gespräch am Donnerstag",
        body="""\
Sehr geehrte Frau Lee,

nochmals herzlichen Dank für das ausführliche Gespräch am Donnerstag mit Herrn Albers und
mir. Wir haben den Austausch mit Ihnen als sehr offen und fachlich stark empfunden.

Umso schwerer fällt mir diese Nachricht: So knapp es am Ende war, haben wir uns für die
Position als Senior Consultant SAP FI/CO für einen anderen Bewerber entschieden, der
bereits mehrere S/4HANA-Migrationen im Mittelstand verantwortet hat.

Ich würde mich freuen, wenn wir in Kontakt bleiben. Sobald sich eine passende Gelegenheit
ergibt, melde ich mich gern bei Ihnen.

Mit herzlichen Grüßen
Katrin Weiß

Dr. Katrin Weiß
Partnerin | Hartwig Consulting GmbH
Königsallee 60 · 40212 Düsseldorf
""",
        kind=R,
        company="Hartwig Consulting",
        role="Senior Consultant SAP FI/CO",
    ),
    Sample(
        sender="Landratsamt Oberwald – Personalamt <personal@lra-oberwald.de>",
        subject="Stellenausschreibung Nr. 14/2026 – Sachbearbeitung Bauordnung",
        body="""\
Sehr geehrte Bewerberin, sehr geehrter Bewerber,

für Ihre Bewerbung auf die oben genannte Stelle bedanken wir uns.

Das Auswahlverfahren ist inzwischen abgeschlossen. Bei der großen Zahl qualifizierter
Bewerbungen konnten wir Sie leider nicht in die engere Wahl einbeziehen.

Ihre Unterlagen erhalten Sie nicht zurück; sie werden nach Ablauf der Frist nach dem
Allgemeinen Gleichbehandlungsgesetz datenschutzgerecht vernichtet.

Mit freundlichen Grüßen
Landratsamt Oberwald
Sachgebiet Personal
""",
        kind=R,
        company="Landratsamt Oberwald",
        role="Sachbearbeitung Bauordnung",
    ),
    Sample(
        sender="Brakel Retail Group <noreply@smartrecruiters.com>",
        subject="Update zu Ihrer Bewerbung",
        body="""\
Hallo Sam,

wir möchten Sie über den aktuellen Stand zur Stelle Filialleitung (Dortmund-Hörde)
informieren.

Aufgrund einer internen Umstrukturierung wird diese Position vorerst nicht besetzt. Wir
haben daher das Bewerbungsverfahren eingestellt und alle laufenden Bewerbungen
geschlossen, auch Ihre.

Wir bedanken uns für Ihr Interesse an der Brakel Retail Group und würden uns freuen, Sie
bei einer künftigen Ausschreibung wiederzusehen.

Viele Grüße
Ihr Brakel Recruiting

Sie erhalten diese E-Mail, weil Sie sich über SmartRecruiters beworben haben.
""",
        kind=R,
        company="Brakel Retail Group",
        role="Filialleitung",
    ),
]

REJECTIONS_FR: list[Sample] = [
    Sample(
        sender="Maison Verlaine <no-reply@hire.lever.co>",
        subject="Maison Verlaine - Chef de projet digital",
        body="""\
Bonjour Sam,

Merci pour l'intérêt que vous portez à Maison Verlaine et pour le temps consacré à votre
candidature.

Après une lecture attentive de votre dossier, nous avons le regret de vous informer que
nous ne donnerons pas suite à votre candidature pour ce poste.

Nous vous souhaitons pleine réussite dans vos recherches.

L'équipe Talents de Maison Verlaine
""",
        kind=R,
        company="Maison Verlaine",
        role="Chef de projet digital",
    ),
    Sample(
        sender="Groupe Saint-Aubin <groupesaintaubin@myworkday.com>",
        subject="Votre candidature – Contrôleur de gestion H/F",
        body="""\
<html><body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#2b2b2b">
<table width="600" cellpadding="0" cellspacing="0" align="center">
<tr><td style="padding:18px;border-bottom:2px solid #7a1f3d">
<strong>Groupe Saint-Aubin</strong></td></tr>
<tr><td style="padding:18px">
<p>Madame, Monsieur,</p>
<p>Nous vous remercions de l'intérêt que vous avez manifesté pour le poste de
<b>Contrôleur de gestion H/F</b> (réf. JR-118204) basé à Lyon.</p>
<p>Après examen attentif de votre candidature, nous avons retenu un profil correspondant
davantage aux exigences du poste.</p>
<p>Nous conservons vos coordonnées et ne manquerons pas de revenir vers vous si une
opportunité correspondant à votre profil se présentait.</p>
<p>Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations
distinguées.</p>
<p>La Direction des Ressources Humaines</p>
</td></tr>
<tr><td style="font-size:10px;color:#888;padding:12px 18px">Ce message a été envoyé
automatiquement, merci de ne pas y répondre.</td></tr>
</table></body></html>
""",
        kind=R,
        company="Groupe Saint-Aubin",
        role="Contrôleur de gestion",
        html=True,
    ),
    Sample(
        sender="Claire Dumont <claire.dumont@atelier-lumen.fr>",
        subject="Suite à notre entretien",
        body="""\
Bonjour Sam,

Je tenais à vous remercier personnellement pour l'entretien de mardi et pour l'exercice
technique, que vous avez rendu avec beaucoup de soin.

Je suis néanmoins au regret de vous annoncer que nous n'allons pas poursuivre avec votre
candidature pour le poste de développeur full-stack. Nous avons finalement choisi une
personne ayant déjà travaillé sur des outils de CAO, ce qui est central pour nous cette
année.

Je reste disponible si vous souhaitez un retour plus détaillé.

Bien cordialement,

Claire Dumont
Responsable technique – Atelier Lumen
12 rue des Tanneurs, 67000 Strasbourg
""",
        kind=R,
        company="Atelier Lumen",
        role="Développeur full-stack",
    ),
    Sample(
        sender="CHU de Valrose – DRH <recrutement@chu-valrose.fr>",
        subject="Votre candidature au poste de technicien de laboratoire",
        body="""\
Madame, Monsieur,

Vous avez bien voulu nous adresser votre candidature pour le poste de technicien de
laboratoire au sein du pôle de biologie médicale, et nous vous en remercions.

Nous sommes au regret de vous faire savoir que votre candidature n'a pas été retenue.

Nous vous prions de croire, Madame, Monsieur, à l'assurance de notre considération
distinguée.

La Direction des ressources humaines
Centre hospitalier universitaire de Valrose
""",
        kind=R,
        company="CHU de Valrose",
        role="Technicien de laboratoire",
    ),
    Sample(
        sender="Université Claude-Vernet <concours-ater@univ-cvernet.fr>",
        subject="Campagne de recrutement ATER 2026 – résultat",
        body="""\
Madame, Monsieur,

Le comité de sélection réuni le 24 février 2026 a examiné votre dossier de candidature au
poste d'ATER en informatique (section 27, poste n° 0412).

Nous avons le regret de vous informer que le comité n'a pas retenu votre dossier pour la
phase d'audition.

Nous vous remercions de l'intérêt porté à notre établissement.

Le Service du personnel enseignant
Université Claude-Vernet
""",
        kind=R,
        company="Université Claude-Vernet",
        role="ATER en informatique",
    ),
    Sample(
        sender="Sportéo Recrutement <noreply@smartrecruiters.com>",
        subject="Votre candidature chez Sportéo",
        body="""\
Bonjour Sam,

Merci d'avoir postulé au poste de Vendeur conseil – rayon cycle dans notre magasin de
Villeneuve-d'Ascq.

Malheureusement, nous ne sommes pas en mesure de vous proposer ce poste : d'autres profils
correspondaient davantage à nos besoins actuels.

Nous conservons votre CV dans notre vivier de talents et reviendrons vers vous si une
opportunité se présente.

Sportivement,
L'équipe Recrutement Sportéo

Vous pouvez gérer vos données personnelles à tout moment depuis votre espace candidat.
""",
        kind=R,
        company="Sportéo",
        role="Vendeur conseil – rayon cycle",
    ),
    Sample(
        sender="Hugo <hugo@nuage.ai>",
        subject="Re: Data Scientist",
        body="""\
Salut Sam,

Je te fais un retour rapide comme promis : on part finalement sur un autre profil pour le
poste de Data Scientist, quelqu'un avec plus d'expérience en séries temporelles.

Merci encore pour ton temps, c'était un vrai plaisir d'échanger. Je te souhaite le meilleur
pour la suite !

Hugo
CEO @ Nuage
""",
        kind=R,
        company="Nuage",
        role="Data Scientist",
    ),
    Sample(
        sender="Ville de Rochebrune – Ressources humaines <rh@ville-rochebrune.fr>",
        subject="Offre d'emploi n° 2026-07",
        body="""\
Madame, Monsieur,

Vous avez postulé à l'offre n° 2026-07, Chargé(e) de mission mobilité, publiée par la
Ville de Rochebrune.

Pour des raisons budgétaires, le recrutement sur ce poste est suspendu jusqu'à nouvel
ordre. Nous clôturons en conséquence l'ensemble des candidatures reçues, dont la vôtre.

Nous vous remercions de votre compréhension et de l'intérêt porté à notre collectivité.

Le service des Ressources humaines
Ville de Rochebrune
""",
        kind=R,
        company="Ville de Rochebrune",
        role="Chargé(e) de mission mobilité",
    ),
]

REJECTIONS_ES: list[Sample] = [
    Sample(
        sender="Tierra Labs <no-reply@us.greenhouse-mail.io>",
        subject="Tu candidatura en Tierra Labs",
        body="""\
Hola Sam:

Gracias por tu interés en el puesto de Ingeniero de Datos en Tierra Labs y por el tiempo que
dedicaste al proceso.

Tras revisar tu perfil con el equipo, hemos decidido seguir adelante con otros candidatos
cuya experiencia encaja mejor con lo que necesitamos en este momento.

Te deseamos mucho éxito en tu búsqueda.

Un saludo,
Equipo de Talento de Tierra Labs
""",
        kind=R,
        company="Tierra Labs",
        role="Ingeniero de Datos",
    ),
    Sample(
        sender="Grupo Alcázar <noreply@workablemail.com>",
        subject="Actualización de tu proceso",
        body="""\
Hola Sam,

Te escribimos en relación con tu candidatura para Analista Financiero en Sevilla.

Queremos agradecerte sinceramente el interés mostrado. Sin embargo, en esta ocasión no
continuarás en el proceso de selección, ya que hemos identificado perfiles más ajustados a
los requisitos de la posición.

Recibe un cordial saludo,
Departamento de Personas · Grupo Alcázar

Enviado con Workable
""",
        kind=R,
        company="Grupo Alcázar",
        role="Analista Financiero",
    ),
    Sample(
        sender="Lucía Ferrer <luciaferrer.odonto@gmail.com>",
        subject="Puesto de higienista",
        body="""\
Hola Sam,

Muchas gracias por venir el jueves a conocernos. Al final nos hemos decantado por otra
persona para el puesto de higienista dental, sobre todo porque necesitábamos a alguien que
pudiera empezar ya la semana que viene.

Si en verano se abre otra plaza te escribo.

Un abrazo,
Lucía
Clínica Dental Mediterránea · Valencia
""",
        kind=R,
        company="Clínica Dental Mediterránea",
        role="Higienista dental",
    ),
    Sample(
        sender="Banco Meridiano – Selección <seleccion@successfactors.eu>",
        subject="Su solicitud para el puesto de Auditor Interno",
        body="""\
<html><body style="font-family:Arial,sans-serif;font-size:14px">
<div style="max-width:620px;margin:0 auto">
<div style="background:#0b3d2e;color:#fff;padding:14px 18px">Banco Meridiano</div>
<div style="padding:18px">
<p>Estimado/a Sam Lee:</p>
<p>Le agradecemos el interés mostrado en formar parte de Banco Meridiano y su participación
en el proceso de selección para el puesto de <b>Auditor Interno</b> (ref. 45120).</p>
<p>Lamentamos comunicarle que, tras valorar detenidamente todas las candidaturas, su perfil
no ha sido seleccionado para continuar en el proceso.</p>
<p>Sus datos se conservarán en nuestra base de datos durante un año para futuras
vacantes, salvo que nos indique lo contrario.</p>
<p>Atentamente,<br>Dirección de Recursos Humanos<br>Banco Meridiano, S.A.</p>
</div>
<div style="font-size:10px;color:#888;padding:10px 18px;border-top:1px solid #ddd">
Banco Meridiano, S.A. – Inscrito en el Registro Mercantil de Madrid, Tomo 31.220, Folio 1.
Este mensaje se ha generado automáticamente. Por favor, no responda.</div>
</div></body></html>
""",
        kind=R,
        company="Banco Meridiano",
        role="Auditor Interno",
        html=True,
    ),
    Sample(
        sender="Andrés Molina <amolina@hexaplan.mx>",
        subject="Gracias por tu tiempo",
        body="""\
Hola Sam,

Quiero agradecerte de verdad el tiempo y la energía que pusiste en todo el proceso,
especialmente en la entrevista final con el equipo de dirección. Tu presentación sobre
la hoja de ruta fue de las mejores que vimos.

Lamentablemente, esta vez no podremos ofrecerte el puesto de Gerente de Producto. Elegimos
a una persona que ya conoce el mercado de logística en México, algo que para este primer
año es clave.

Me encantaría que siguiéramos en contacto.

Saludos cordiales,
Andrés Molina
Director de Producto | Hexaplan
Ciudad de México
""",
        kind=R,
        company="Hexaplan",
        role="Gerente de Producto",
    ),
    Sample(
        sender="Universidad de Castilla del Norte – Servicio de PTGAS <empleo@ucn.es>",
        subject="Resolución del proceso selectivo – Técnico/a de Laboratorio (convocatoria 3/2026)",
        body="""\
Estimado/a candidato/a:

Le comunicamos que se ha publicado en el tablón electrónico de la Universidad la
resolución definitiva del proceso selectivo de Técnico/a de Laboratorio, convocatoria
3/2026, del Departamento de Química.

Una vez valorados los méritos, usted no ha resultado seleccionado/a para la plaza
convocada.

Contra esta resolución podrá interponer recurso de alzada en el plazo de un mes.

Servicio de Personal Técnico, de Gestión y de Administración y Servicios
Universidad de Castilla del Norte
""",
        kind=R,
        company="Universidad de Castilla del Norte",
        role="Técnico/a de Laboratorio",
    ),
    Sample(
        sender="Mar Azul Hoteles <no-reply@teamtailor-mail.com>",
        subject="Tu candidatura para Recepcionista",
        body="""\
¡Hola, Sam!

Gracias por querer formar parte de Mar Azul Hoteles. Te escribimos para contarte que ya
hemos cubierto la vacante de Recepcionista en nuestro hotel de Palma, por lo que no
podremos seguir adelante con tu candidatura.

Guardaremos tu CV para futuras oportunidades en la temporada de verano.

¡Mucha suerte!
Equipo de Personas – Mar Azul Hoteles
""",
        kind=R,
        company="Mar Azul Hoteles",
        role="Recepcionista",
    ),
    Sample(
        sender="Pagoflux <no-reply@hire.lever.co>",
        subject="Pagoflux - Backend Engineer (Go)",
        body="""\
Hola Sam,

Gracias por postularte. Revisamos tu perfil con el equipo de ingeniería y, por ahora, no
avanzaremos con tu candidatura.

Éxitos,
Pagoflux Talent
""",
        kind=R,
        company="Pagoflux",
        role="Backend Engineer (Go)",
    ),
]

LOOKALIKES_EN: list[Sample] = [
    Sample(
        sender="Northwind Robotics <no-reply@us.greenhouse-mail.io>",
        subject="Next steps with Northwind Robotics",
        body="""\
Hi Sam,

Thanks for applying to the Platform Engineer role. We'd love to learn more about you!

The next step is a 45-minute technical conversation with one of our engineers. Please pick
a time that works for you using the link below:

https://app.greenhouse.io/schedule/7f3c1b2e

Unfortunately we can't offer slots on Fridays this month, but any other weekday works.

Best,
Northwind Robotics Recruiting
""",
        kind=I,
    ),
    Sample(
        sender="Ellie Tran <ellie.tran@corvid-analytics.com>",
        subject="Need to move your interview",
        body="""\
Hi Sam,

Unfortunately we need to move your interview with Marcus tomorrow: he's been pulled into
an incident and won't be available at 2pm. I'm really sorry for the short notice.

Could you do Thursday at 10:30 or 3:00 instead? Same Zoom link.

Thanks for your flexibility,
Ellie
Recruiting Coordinator, Corvid Analytics
""",
        kind=I,
    ),
    Sample(
        sender="Quillpad via CodeSignal <noreply@codesignal.com>",
        subject="Your Quillpad coding assessment",
        body="""\
Hi Sam,

Quillpad has invited you to complete a coding assessment as part of your application.

  Duration: 70 minutes
  Deadline: March 8, 2026, 11:59 PM PST

Start your assessment: https://app.codesignal.com/invite/Qp8xLk2

Tip: take the practice test first to get familiar with the environment. If you run into
technical problems, contact support@codesignal.com.
""",
        kind=I,
    ),
    Sample(
        sender="Aisha Bello <aisha@lumenfold.io>",
        subject="Great news - final round",
        body="""\
Hi Sam,

The team really enjoyed the panel on Tuesday, and we'd like to invite you to the final
round: a one-hour conversation with our CEO and a 30-minute chat with Daniel.

Let me know your availability next week and I'll send the invites.

Aisha
Talent Partner, Lumenfold
""",
        kind=I,
    ),
    Sample(
        sender="Baxter-Lindqvist Pharma <baxterlindqvist@myworkday.com>",
        subject="Thank you for applying - R-20988 Biostatistician II",
        body="""\
<html><body style="background:#f4f4f4">
<table width="600" align="center" cellpadding="0" cellspacing="0"
style="background:#fff;font-family:Arial,sans-serif;font-size:14px">
<tr><td style="padding:24px;background:#00356b;color:#fff">Baxter-Lindqvist Pharma</td></tr>
<tr><td style="padding:24px">
<p>Dear Sam Lee,</p>
<p>Thank you for applying for the <b>Biostatistician II</b> position (R-20988). We have
received your application and it is now being reviewed by our recruiting team.</p>
<p>You can check the status of your application at any time by signing in to your
candidate home.</p>
<p>If your qualifications match our needs, a recruiter will contact you about next
steps.</p>
<p>Kind regards,<br>Talent Acquisition</p>
</td></tr>
<tr><td style="padding:16px 24px;font-size:11px;color:#888">This is a system-generated
message from Workday. Please do not reply.</td></tr>
</table></body></html>
""",
        kind=C,
        html=True,
        headers=_AUTO,
    ),
    Sample(
        sender="Halcyon Health <no-reply@hire.lever.co>",
        subject="Thanks for applying to Halcyon Health",
        body="""\
Hi Sam,

Thanks for applying for the UX Researcher position! Our team will review your application
and reach out if there's a potential fit.

Unfortunately, because of the volume of applications we receive, we aren't able to reply
to every applicant individually. If you don't hear from us within three weeks, we will
have decided not to move forward at this time.

Halcyon Health Recruiting
""",
        kind=C,
    ),
    Sample(
        sender="Jess Kowalski <jess.kowalski@orbitalfreight.com>",
        subject="Your offer – Operations Analyst",
        body="""\
Hi Sam,

We are so sorry for the delay in getting this to you; approvals took longer than planned.
Please find your offer letter for the Operations Analyst role attached.

We're thrilled to have you join. The offer is valid until March 13. If you have any
questions about salary, benefits or the start date, give me a call anytime.

Best,
Jess Kowalski
People Partner, Orbital Freight
""",
        kind=O,
    ),
    Sample(
        sender="Mira from Tandem <mira@tandem.so>",
        subject="we'd love you on the team",
        body="""\
Sam!!

Okay, I can finally say it: we want you as our first backend hire. Offer details are in the
doc I just shared with you (salary, equity, the usual). Not gonna lie, it took us a while
because we argued about the equity bump in your favour.

Take the weekend to think it over, and call me with anything.

mira
""",
        kind=O,
    ),
    Sample(
        sender="Verity Insurance Talent <talent@mail.vty-hr.com>",
        subject="Application withdrawn",
        body="""\
Dear Sam,

This confirms that your application for Pricing Analyst has been withdrawn at your request.
We won't contact you further about this position.

Thank you for letting us know, and we wish you every success with your new role.

Talent Acquisition Team
""",
        kind=X,
    ),
    Sample(
        sender="JobRadar <alerts@jobradar-mail.com>",
        subject="12 new Data Engineer jobs in Berlin",
        body="""\
Hi Sam, here are new jobs matching your alert "Data Engineer, Berlin":

Data Engineer (m/w/d) – KiezKraft GmbH – Berlin – 2 hours ago
Senior Data Engineer – Corvid Analytics – Remote (EU) – 1 day ago
Analytics Engineer – Fjordgrün – Berlin-Kreuzberg – 1 day ago
Data Platform Engineer – Northwind Robotics – Berlin – 3 days ago

See all 12 jobs: https://jobradar.example/alerts/8812

You're receiving this because you created a job alert. Unsubscribe or change frequency:
https://jobradar.example/alerts/manage
""",
        kind=X,
        headers=_list("https://jobradar.example/alerts/unsubscribe?u=8812"),
    ),
    Sample(
        sender="The Offer Letter <hello@theofferletter.substack.com>",
        subject="How to handle rejection (and why you should always ask for feedback)",
        body="""\
Hi friends,

This week's issue is about something every one of you has lived through: the email that
begins "Unfortunately, we have decided to move forward with other candidates".

1. Give yourself a day. Rejection stings, and that's normal.
2. Reply within 48 hours and ask one specific question. Recruiters are far more likely to
   answer "what could have made my case study stronger?" than "why was I rejected?".
3. Log it. Patterns in your rejections tell you more than any single one.

Next week: negotiating your first offer.

— Nadia

Unsubscribe: https://theofferletter.substack.com/unsubscribe
""",
        kind=X,
        headers=_list("https://theofferletter.substack.com/action/unsubscribe?token=a1b2"),
    ),
    Sample(
        sender="HireSignal Blog <blog@hiresignal.io>",
        subject="Why candidates get rejected after the final round",
        body="""\
<html><body style="font-family:Georgia,serif;font-size:16px;max-width:600px">
<h1 style="font-size:24px">Why candidates get rejected after the final round</h1>
<p>We surveyed 400 hiring managers. The top reason for a late-stage "no" was not skills: it
was a hiring manager who could not picture the candidate in the team's day-to-day.</p>
<p>Here is what we learned, and what you can do about it before your next onsite.</p>
<p><a href="https://hiresignal.io/blog/final-round" style="color:#3355ff">Read the full
post</a></p>
<p style="font-size:11px;color:#999">You're subscribed to the HireSignal blog.
<a href="https://hiresignal.io/unsubscribe">Unsubscribe</a></p>
</body></html>
""",
        kind=X,
        html=True,
        headers=_list("https://hiresignal.io/unsubscribe?e=sam%40example.org"),
    ),
    Sample(
        sender="Harbor Card Services <alerts@harborcard.com>",
        subject="Your payment was declined",
        body="""\
Hi Sam,

Unfortunately your recent payment of $84.20 to CITYLINE TRANSIT was declined because it
would exceed your available credit.

If you don't recognise this transaction, call us at 1-800-555-0199.

Harbor Card Services
""",
        kind=X,
    ),
    Sample(
        sender="Keystone Lettings <lettings@keystone-homes.co.uk>",
        subject="Your application for 14 Alder Court",
        body="""\
Dear Sam,

Thank you for viewing 14 Alder Court and for submitting an application.

The landlord has now reviewed all applications and, unfortunately, has decided to proceed
with another applicant. We have plenty of other two-bedroom flats coming up in the area and
would be happy to arrange viewings.

Kind regards,
Keystone Lettings
""",
        kind=X,
    ),
    Sample(
        sender="PyData Lisbon Program Committee <cfp@pydatalisbon.org>",
        subject="PyData Lisbon 2026: decision on your proposal",
        body="""\
Dear Sam,

Thank you for submitting "Dataframes without tears" to PyData Lisbon 2026.

We received over 300 proposals for 40 slots this year. We regret that your proposal was not
selected for the program. The committee appreciated the effort that went into it, and we
hope you'll submit again next year.

Early-bird tickets remain available until March 20.

The Program Committee
""",
        kind=X,
    ),
    Sample(
        sender="Northfield Arts Foundation <grants@northfieldarts.org>",
        subject="Your grant application NAF-2026-0193",
        body="""\
Dear Sam Lee,

Thank you for your application to the Community Digital Skills Fund.

The panel met on 25 February. We are sorry to tell you that your application has not been
funded in this round. Demand exceeded available funds by more than five to one.

Feedback from the panel will be available in your applicant portal within two weeks. The
next round opens on 1 June.

Grants Team, Northfield Arts Foundation
""",
        kind=X,
    ),
    Sample(
        sender="SwiftDrop Parcel <notifications@swiftdrop.example>",
        subject="Sorry we missed you",
        body="""\
Unfortunately we couldn't deliver your parcel (tracking SD 4481 2290 17) today because no
one was home. We'll try again tomorrow between 9am and 1pm, or you can pick it up from your
nearest SwiftDrop point after 5pm.

Manage your delivery: https://swiftdrop.example/t/SD448122901
""",
        kind=X,
    ),
    Sample(
        sender="Marcus Ohlsson <marcus@peakhire.io>",
        subject="Senior Python role – £90k, fully remote",
        body="""\
Hi Sam,

I came across your profile and think you'd be a great fit for a Senior Python Engineer
role I'm recruiting for at a Series B climate-tech company. Fully remote in the UK,
£80–90k plus equity.

Would you be open to a quick 15-minute call this week? No pressure either way.

Marcus Ohlsson
Principal Recruiter, PeakHire
""",
        kind=X,
    ),
    Sample(
        sender="Devon Clarke <dclarke@harborviewcu.org>",
        subject="Compliance Analyst - update on timing",
        body="""\
Hi Sam,

I wanted to give you a quick update. Our budget for the Compliance Analyst position is
being reviewed, so the role is on hold for the next two to three weeks.

You are still very much in the process: you're one of two finalists and we'd like to keep
you there. I'll reach out as soon as I hear more. Sorry for the wait.

Devon Clarke
HR Manager, Harborview Credit Union
""",
        kind=X,
    ),
    Sample(
        sender="Orbital Freight <references@orbitalfreight.com>",
        subject="Reference request for Sam Lee",
        body="""\
Hi Sam,

As part of the final stage for the Operations Analyst role, please provide the names and
contact details of two professional referees, ideally including a recent line manager.

You can add them here: https://orbitalfreight.example/references/5521

Thanks,
Orbital Freight People Team
""",
        kind=X,
    ),
    Sample(
        sender="Fernhill Outfitters <noreply@smartrecruiters.com>",
        subject="Action needed: complete your profile",
        body="""\
Hi Sam,

You started an application for Assistant Store Manager but haven't finished it yet. Your
profile is 60% complete. Add your work history and availability to submit.

Continue your application: https://jobs.smartrecruiters.com/FernhillOutfitters/continue

If you've changed your mind, you don't need to do anything.
""",
        kind=X,
    ),
    Sample(
        sender="Sam Lee <sam@example.org>",
        subject="Re: Offer - Analytics Engineer",
        body="""\
Hi Rebecca,

Thank you so much for the offer and for the time everyone spent with me. After a lot of
thought I've decided to decline, as I've accepted a role that is closer to home.

I really enjoyed meeting the team and hope we cross paths again.

Best wishes,
Sam

> On Mon, 2 Mar 2026, Rebecca Hale <rhale@brightline.co> wrote:
> Hi Sam, we're delighted to offer you the Analytics Engineer position...
""",
        kind=X,
    ),
    Sample(
        sender="Rebecca Hale <rhale@brightline.co>",
        subject="Re: Offer - Analytics Engineer",
        body="""\
Hi Sam,

Sorry to hear you won't be joining us, but I completely understand, and congratulations on
the new role! Please don't hesitate to reach out in the future.

Rebecca
""",
        kind=X,
    ),
    Sample(
        sender="UK Visas and Immigration <noreply@visa-decisions.example.gov.uk>",
        subject="Decision on your visa application GWF071234567",
        body="""\
Dear applicant,

A decision has been made on your application. Unfortunately, your application for a
Standard Visitor visa has been refused. The reasons are set out in the refusal notice
attached to your online account.

Please do not reply to this email.
""",
        kind=X,
    ),
    Sample(
        sender="Ridgeway College Admissions <admissions@ridgeway.ac.uk>",
        subject="Your application to the Evening Certificate in UX Design",
        body="""\
Dear Sam,

Thank you for applying to the Evening Certificate in UX Design (spring intake).

We regret that we are unable to offer you a place on this course, as it is now full. You
have been placed on the waiting list and we'll contact you if a place becomes available.

Admissions Office, Ridgeway College
""",
        kind=X,
    ),
    Sample(
        sender="Tickethub <noreply@tickethub.example>",
        subject="Sold out: Women in Data Summit 2026",
        body="""\
Unfortunately, tickets for Women in Data Summit 2026 sold out before we could fulfil your
waitlist request. We've refunded the £5 reservation fee to your card.

Want to hear first next time? Follow the organiser on Tickethub.
""",
        kind=X,
        headers=_BULK,
    ),
]

LOOKALIKES_DE: list[Sample] = [
    Sample(
        sender="Müller & Söhne KG <jobs@mueller-soehne.jobs.personio.de>",
        subject="Einladung zum Vorstellungsgespräch",
        body="""\
Sehr geehrte Frau Lee,

vielen Dank für Ihre Bewerbung als Einkäuferin. Ihre Unterlagen haben uns überzeugt, und
wir möchten Sie gern persönlich kennenlernen.

Bitte wählen Sie über den folgenden Link einen passenden Termin für ein etwa einstündiges
Gespräch an unserem Standort in Aalen:

https://mueller-soehne.jobs.personio.de/interview/slots/8841

Mit freundlichen Grüßen
Ihr Personalteam
Müller & Söhne KG
""",
        kind=I,
    ),
    Sample(
        sender="Jonas Brandt <jonas@kiezkraft.de>",
        subject="Terminverschiebung",
        body="""\
Hi Sam,

leider muss ich unseren Termin morgen um 11 Uhr absagen, mir ist ein Kundentermin
dazwischengekommen, sorry! Können wir das zweite Gespräch auf Freitag, 14 Uhr legen?

Viele Grüße
Jonas
""",
        kind=I,
    ),
    Sample(
        sender="Fjordgrün <no-reply@teamtailor-mail.com>",
        subject="Danke für deine Bewerbung!",
        body="""\
Hallo Sam,

danke für deine Bewerbung als Content Creator! Wir haben sie gut erhalten und melden uns
innerhalb von zwei Wochen bei dir.

Bis dahin: Schau gern auf unserem Blog vorbei.

Dein Fjordgrün-Team
""",
        kind=C,
    ),
    Sample(
        sender="Hartwig Consulting – Personal <personal@hartwig-consulting.de>",
        subject="Ihr Vertragsangebot",
        body="""\
Sehr geehrte Frau Lee,

wir freuen uns sehr, Ihnen nach den guten Gesprächen die Position als Consultant SAP MM
anbieten zu können. Im Anhang finden Sie Ihren Arbeitsvertrag in zweifacher Ausfertigung.

Bitte senden Sie uns ein unterschriebenes Exemplar bis zum 20. März zurück.

Mit freundlichen Grüßen
Hartwig Consulting GmbH
""",
        kind=O,
    ),
    Sample(
        sender="Hausverwaltung Kranich <vermietung@hv-kranich.de>",
        subject="Ihre Mietanfrage Lindenstraße 8, 2. OG links",
        body="""\
Sehr geehrte Frau Lee,

vielen Dank für Ihr Interesse an der Wohnung in der Lindenstraße 8 und Ihre vollständige
Selbstauskunft.

Leider müssen wir Ihnen mitteilen, dass sich der Eigentümer für andere Mietinteressenten
entschieden hat. Gern nehmen wir Sie in unsere Interessentenkartei auf.

Mit freundlichen Grüßen
Hausverwaltung Kranich
""",
        kind=X,
    ),
    Sample(
        sender="Stellenwerk Alarm <alarm@stellenwerk-jobs.de>",
        subject="5 neue Jobs für „Projektmanager“ in Hamburg",
        body="""\
Hallo Sam,

für deinen Suchauftrag „Projektmanager, Hamburg“ gibt es neue Stellen:

• Projektmanager Digitalisierung (m/w/d) – Hanseatic Port Services – Hamburg
• Junior Projektmanagerin – Elbglas GmbH – Hamburg-Altona
• IT-Projektmanager SAP (w/m/d) – Stadtwerke Rheinfeld – Remote

Alle Stellen ansehen: https://stellenwerk-jobs.de/suche/4471

Suchauftrag abbestellen: https://stellenwerk-jobs.de/abmelden
""",
        kind=X,
        headers=_list("https://stellenwerk-jobs.de/abmelden?id=4471"),
    ),
    Sample(
        sender="Kita Sonnenhügel <leitung@kita-sonnenhuegel.de>",
        subject="Ihre Anmeldung für einen Betreuungsplatz",
        body="""\
Liebe Familie Lee,

vielen Dank für Ihre Anmeldung. Leider können wir Ihnen zum 1. August keinen
Betreuungsplatz anbieten, da alle Plätze vergeben sind. Ihre Anmeldung bleibt auf unserer
Warteliste.

Herzliche Grüße
Das Team der Kita Sonnenhügel
""",
        kind=X,
    ),
    Sample(
        sender="Stadtwerke Rheinfeld <stadtwerke-rheinfeld@myworkday.com>",
        subject="Nächster Schritt: Online-Eignungstest",
        body="""\
<html><body style="font-family:Arial;font-size:14px">
<p>Guten Tag Sam Lee,</p>
<p>vielen Dank für Ihre Bewerbung als <b>Data Analyst Netzbetrieb</b>. Als nächsten Schritt
laden wir Sie zu einem Online-Eignungstest ein (Dauer ca. 40 Minuten).</p>
<p>Bitte schließen Sie den Test bis zum 12.03.2026 ab:<br>
<a href="https://assessment.example/sw-rheinfeld/48812">Test starten</a></p>
<p>Freundliche Grüße<br>Ihr Recruiting-Team</p>
</body></html>
""",
        kind=I,
        html=True,
    ),
]

LOOKALIKES_FR: list[Sample] = [
    Sample(
        sender="Claire Dumont <claire.dumont@atelier-lumen.fr>",
        subject="Invitation à un entretien – Atelier Lumen",
        body="""\
Bonjour Sam,

Votre candidature au poste de développeuse back-end a retenu toute notre attention.
Seriez-vous disponible pour un entretien en visioconférence mardi 10 mars à 14 h, ou
mercredi 11 mars à 10 h ?

Bien cordialement,
Claire Dumont
""",
        kind=I,
    ),
    Sample(
        sender="Groupe Saint-Aubin <groupesaintaubin@myworkday.com>",
        subject="Accusé de réception de votre candidature",
        body="""\
Madame, Monsieur,

Nous accusons bonne réception de votre candidature au poste d'Analyste financier H/F
(réf. JR-118377) et vous en remercions.

Votre dossier est en cours d'étude. Nous reviendrons vers vous dans les meilleurs délais.

La Direction des Ressources Humaines – Groupe Saint-Aubin
""",
        kind=C,
    ),
    Sample(
        sender="Hugo <hugo@nuage.ai>",
        subject="Ta promesse d'embauche 🎉",
        body="""\
Salut Sam,

Désolé pour le délai, l'avocat a mis du temps à relire. Tu trouveras ta promesse
d'embauche en pièce jointe pour le poste de ML Engineer. On a hâte que tu nous
rejoignes !

Hugo
""",
        kind=O,
    ),
    Sample(
        sender="Cadremploi Alertes <alertes@alertes-emploi.example.fr>",
        subject="Nouvelles offres : Chef de projet – Lyon",
        body="""\
Bonjour Sam,

Voici les dernières offres correspondant à votre alerte :

- Chef de projet digital – Maison Verlaine – Lyon 2e
- Chef de projet ERP H/F – Groupe Saint-Aubin – Villeurbanne

Voir toutes les offres : https://alertes-emploi.example.fr/a/9921
Se désabonner : https://alertes-emploi.example.fr/desabonnement
""",
        kind=X,
        headers=_list("https://alertes-emploi.example.fr/desabonnement?a=9921"),
    ),
    Sample(
        sender="Banque Loire-Atlantique <conseiller@banque-loire.example.fr>",
        subject="Votre demande de prêt immobilier",
        body="""\
Madame, Monsieur,

Après étude de votre dossier, nous sommes au regret de ne pas pouvoir donner une suite
favorable à votre demande de prêt immobilier, votre taux d'endettement dépassant le seuil
autorisé.

Votre conseiller reste à votre disposition pour étudier d'autres solutions.

Banque Loire-Atlantique
""",
        kind=X,
    ),
    Sample(
        sender="Sportéo Recrutement <noreply@smartrecruiters.com>",
        subject="Test en ligne – étape suivante",
        body="""\
Bonjour Sam,

Bonne nouvelle : votre candidature au poste de Responsable de rayon passe à l'étape
suivante ! Merci de compléter notre test de mise en situation (20 minutes) d'ici vendredi.

Accéder au test : https://assessment.example/sporteo/2231

L'équipe Recrutement Sportéo
""",
        kind=I,
    ),
    Sample(
        sender="Maison Verlaine <no-reply@hire.lever.co>",
        subject="Maison Verlaine - Confirmation du retrait de votre candidature",
        body="""\
Bonjour Sam,

Nous vous confirmons que votre candidature au poste de Chargé de communication a bien été
retirée, conformément à votre demande. Merci de nous avoir prévenus.

L'équipe Talents de Maison Verlaine
""",
        kind=X,
    ),
]

LOOKALIKES_ES: list[Sample] = [
    Sample(
        sender="Tierra Labs <no-reply@us.greenhouse-mail.io>",
        subject="Entrevista con Tierra Labs",
        body="""\
Hola Sam:

¡Gracias por tu interés en Tierra Labs! Nos gustaría invitarte a una primera entrevista de
30 minutos con nuestra recruiter, Paula. Elige el horario que mejor te venga aquí:

https://app.greenhouse.io/schedule/es/55a1c

Un saludo,
Equipo de Talento de Tierra Labs
""",
        kind=I,
    ),
    Sample(
        sender="Grupo Alcázar <noreply@workablemail.com>",
        subject="Hemos recibido tu candidatura",
        body="""\
Hola Sam,

Gracias por inscribirte en la oferta de Controller de Gestión. Hemos recibido tu
candidatura correctamente y nuestro equipo la revisará en los próximos días.

Si tu perfil encaja, nos pondremos en contacto contigo. Lamentablemente, no podemos
responder de forma individual a todas las candidaturas.

Departamento de Personas · Grupo Alcázar
""",
        kind=C,
    ),
    Sample(
        sender="Andrés Molina <amolina@hexaplan.mx>",
        subject="Propuesta formal",
        body="""\
Hola Sam,

Perdona la demora, el área legal tardó más de lo esperado. Adjunto encontrarás la carta
oferta para el puesto de Product Manager Senior, con el salario y las prestaciones que
platicamos. Tienes hasta el viernes 13 para confirmarnos.

¡Estamos muy contentos!
Andrés
""",
        kind=O,
    ),
    Sample(
        sender="Empleo Alertas <alertas@empleo-alertas.example.es>",
        subject="Nuevas ofertas de Analista de Datos en Madrid",
        body="""\
Hola Sam, estas son las nuevas ofertas para tu búsqueda guardada:

· Analista de Datos Junior – Banco Meridiano – Madrid
· Data Analyst – Pagoflux – Remoto
· Analista BI – Grupo Alcázar – Sevilla

Ver ofertas: https://empleo-alertas.example.es/b/771
Darse de baja: https://empleo-alertas.example.es/baja
""",
        kind=X,
        headers=_list("https://empleo-alertas.example.es/baja?b=771"),
    ),
    Sample(
        sender="Fundación Horizonte <becas@fundacionhorizonte.example.org>",
        subject="Resolución de la convocatoria de becas 2026",
        body="""\
Estimado/a Sam Lee:

Lamentamos comunicarle que su solicitud de beca para el Máster en Ciencia de Datos no ha
sido seleccionada en la presente convocatoria, debido al elevado número de solicitudes.

Le animamos a presentarse a la próxima convocatoria.

Fundación Horizonte
""",
        kind=X,
    ),
    Sample(
        sender="Banco Meridiano <avisos@bancomeridiano.example.es>",
        subject="Operación denegada",
        body="""\
Le informamos de que la operación con su tarjeta terminada en 4821 por importe de 129,90 €
en ELECTROHOGAR ONLINE ha sido denegada por saldo insuficiente.

Si no reconoce esta operación, llame al 900 555 010.
""",
        kind=X,
    ),
    Sample(
        sender="Pagoflux <no-reply@hire.lever.co>",
        subject="Pagoflux - Siguiente fase: prueba técnica",
        body="""\
Hola Sam,

¡Buenas noticias! Queremos avanzar contigo a la siguiente fase del proceso para Backend
Engineer (Go). Te enviamos una prueba técnica para hacer en casa; tienes 5 días para
entregarla.

Enlace: https://pagoflux.example/challenge/ab31

Éxitos,
Pagoflux Talent
""",
        kind=I,
    ),
    Sample(
        sender="Entradas Ya <noreply@entradasya.example.es>",
        subject="Entradas agotadas",
        body="""\
Lo sentimos, las entradas para el concierto del 21 de marzo en el WiZink Center se han
agotado antes de que pudiéramos procesar tu pedido. No se ha realizado ningún cargo.
""",
        kind=X,
        headers=_BULK,
    ),
]

SAMPLES: list[Sample] = [
    *REJECTIONS_EN,
    *REJECTIONS_DE,
    *REJECTIONS_FR,
    *REJECTIONS_ES,
    *LOOKALIKES_EN,
    *LOOKALIKES_DE,
    *LOOKALIKES_FR,
    *LOOKALIKES_ES,
]
