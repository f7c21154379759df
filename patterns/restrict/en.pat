# English restrictive language (engine: pipeline/restrict.c).  Labels:
# prohibition, restriction, obligation, permission, vague, exception.
# A group "neg" marks the row negated; a modal that governs a prohibition or
# restriction verb is absorbed into that verb's row ("may not be prohibited"
# is one row, prohibition negated), so the modal rules look ahead for them.

# ---- prohibition ----

rule en.prohibit
kind restrict
label prohibition
lang en
regex (?i)(?<neg>\bnot\s+(?:to\s+|be\s+|been\s+)?)?(?<m>\bprohibit(?:s|ed|ing|ion|ions)?\b)
example It is prohibited to hold assemblies at railway stations. => prohibition
example The Constitution prohibits censorship. => prohibition
example Peaceful assemblies may not be prohibited on political grounds. => prohibition negated
example Spontaneous gatherings are not prohibited. => prohibition negated

rule en.ban
kind restrict
label prohibition
lang en
regex (?i)(?<neg>\bnot\s+(?:to\s+|be\s+|been\s+)?)?(?<m>\bban(?:s|ned|ning)?\b)(?!\s+(?-i:\p{Lu}\p{Ll}+-\p{Ll}+)\b)(?!\s+on\s+holding\s+(?:[\w-]+\s+)?(?:office|offices|positions?|posts?)\b)
# "Ban" as a name: Ban Ki-moon (lookahead above), Mr Ban
unless-before \b(?:Mr|Mrs|Ms|Dr|Secretary-General|Secretary\s+General)\.?\s*$
example Officials shall be banned from using their position. => prohibition
example the ban on propaganda and the banning of the party => prohibition; prohibition
example The movement of vehicles may be restricted or banned. => restriction; prohibition
not He was sentenced with a ban on holding public office for five years.
not The band played in the square.
not Former Secretary-General Ban Ki-moon opened the forum.
not Mr Ban praised the reform.
example The BAN on rallies was lifted. => prohibition

rule en.forbid
kind restrict
label prohibition
lang en
regex (?i)(?<neg>\bnot\s+(?:to\s+|be\s+|been\s+)?)?(?<m>\bforb(?:id|ids|idden|ade|idding)\b|\bbarred\s+from\b|\boutlaw(?:s|ed|ing)?\b)
example Teachers are forbidden to take part in campaigns. => prohibition
example Civil servants are barred from joining parties. => prohibition
example The party was outlawed in 2005. => prohibition

rule en.not-allowed
kind restrict
label prohibition
lang en
regex (?i)(?<m>\bnot\s+(?:be\s+)?(?:allowed|permitted)\b)
example Holding assemblies is not allowed near factories. => prohibition
example Campaigning on election day, which is not permitted by law, entails liability. => prohibition

rule en.not-entitled
kind restrict
label prohibition
lang en
regex (?i)(?<m>\bnot\s+entitled\s+to\b|\bhas\s+no\s+right\s+to\b|\bhave\s+no\s+right\s+to\b)
example A journalist without accreditation is not entitled to attend sessions. => prohibition; permission

rule en.no-one-may
kind restrict
label prohibition
lang en
regex (?i)(?<m>\b(?:no\s+(?!restrict|limit)(?:one|person|body|citizen|[\w-]+)|nobody|no-one)\s+(?:may|shall|can)\b)(?!\s+not\b)
example No assembly may be held after 22:00. => prohibition
example No one shall be detained for more than seventy-two hours. => prohibition
example Nobody may compel a citizen to state his religion. => prohibition
not There is no doubt that the law may change.

# "may not" as a norm; not the epistemic "may not" (an adjective after
# "be", "have", verbs of happening and knowing, an impersonal subject).
rule en.may-not
kind restrict
label prohibition
lang en
regex (?i)(?<m>\bmay\s+not\b)(?!\s+(?:be\s+|have\s+been\s+)?(?:prohibit|ban|forbid|restrict|limit)\w*)
  (?=\s+(?:be\s+(?:[\w-]+ed|held|used|made|given|shown|sold|sent|taken|built|put|set|broadcast|kept|paid|brought|run|read|done|seen|hidden|told|spent|withheld|shut|cut|sought|won|[\w-]+en)\b
  |(?!be\b|have\b|improve|happen|occur|exist|matter|know|understand|realis|realiz|remember|agree|work\b|succeed|reflect|need|want|like|seem|appear|change|come\b|arrive|notice|see\b|get\b|hold\s+true|make\s+sense|turn\s+out|last\s+(?:long|forever)\b|add\s+up)[\w-]+\b))
unless-before (?i)\b(?:it|this|that|there|which|what|they|we|you|he|she|i)\s*$
unless-clause (?i)\b(?:probably|apparently|likely|perhaps|possibly|seems?|appears?)\b
example The organizers may not use loudspeakers after 20:00. => prohibition
example Public associations may not finance political parties. => prohibition
example A religious association may not be registered if it threatens others. => prohibition; permission
not The weather may not improve before the weekend.
not The report apparently may not be published before March.
not It may not be clear to readers which version applies.
not The official statistics may not be complete.
not Some respondents may not have understood the question.

rule en.cannot
kind restrict
label prohibition
lang en
regex (?i)(?<m>\bcan(?:not|\s+not|['’]t)\b)(?!\s+but\b)(?!\s+(?:be\s+)?(?:prohibit|ban|forbid|restrict|limit)\w*)(?!\s+be\s+(?:overstated|overestimated|ruled\s+out|excluded|denied|ignored)\b)
unless-before (?i)\b(?:i|we|you|he|she|it|they)\s*$
unless-clause (?i)\b(?:because\s+of|due\s+to|owing\s+to|is\s+ill|was\s+ill|illness|probably|apparently|likely|perhaps|possibly)\b
example Foreign nationals cannot be organizers of a peaceful assembly. => prohibition
example Unregistered religious groups cannot meet even in private homes. => permission; prohibition
not The commission cannot but note the progress made.
not He cannot come to the hearing because of illness.

rule en.shall-must-not
kind restrict
label prohibition
lang en
regex (?i)(?<m>\b(?:shall|must)\s+not\b|\bmustn['’]t\b|\bshan['’]t\b)(?!\s+(?:be\s+)?(?:prohibit|ban|forbid|restrict|limit)\w*)(?!\s+have\s+(?:been|[\w-]+ed|known|seen|had|meant|thought)\b)(?!\s+(?:apply|extend|affect|prejudice|be\s+construed|be\s+deemed|constitute)\b)
example Participants shall not hide their faces. => prohibition
example Participants must not carry weapons. => prohibition
not This article shall not apply to single pickets.
not The owners must not have known about the inspection.

# ---- restriction ----

rule en.restrict
kind restrict
label restriction
lang en
regex (?i)(?<neg>\bnot\s+(?:to\s+|be\s+|been\s+)?)?(?<m>\brestrict(?:s|ed|ing|ion|ions|ive)?\b)
example The exercise of this right may be restricted only by law. => restriction
example The right shall not be restricted, except by law. => restriction negated; exception
example Journalists were not restricted in their movement. => restriction negated
example We urge the authorities not to restrict access to messaging apps. => restriction negated
example The restrictions do not apply to diplomats. => restriction
example No restrictions may be placed on this right. => restriction
example A poet was sentenced to restricted freedom. => restriction

rule en.limit
kind restrict
label restriction
lang en
regex (?i)(?<neg>\bnot\s+(?:to\s+|be\s+|been\s+)?)?(?<m>\blimit(?:s|ing)?\b)(?!\s+of\s+(?:their|its|his|her)\s+(?:competence|powers|authority|jurisdiction))
unless-before (?i)\bwithin\s+the\s*$
example The amendments limit the places where assemblies may be held. => restriction
example The speed limit on this road is ninety kilometres per hour. => restriction
not The body acts within the limits of its competence.

rule en.limited
kind restrict
label restriction
lang en
regex (?iJ)(?:\b(?:is|are|was|were|be|been|being)\s+(?<neg>not\s+)?|\b(?<neg>not)\s+(?:be|been)\s+)(?<m>limited)\b
example The number of participants may be limited to fifty persons. => restriction
example The membership is not limited by place of residence. => restriction negated
example The right shall not be limited, except as provided by law. => restriction negated; exception
not The publisher is a limited liability partnership.
not Due to limited resources, the group visited three regions.
not The report has a limited print run.

rule en.limitation
kind restrict
label restriction
lang en
regex (?i)(?<m>\blimitations?\b)(?=\s+(?:on|of\s+(?:the\s+)?(?:right|rights|freedom|freedoms|access|number|liberty)\b))
example Critics say the limitation on the number of participants is harsh. => restriction
not The limitations of this study are discussed in the annex.

# ---- obligation ----

rule en.shall
kind restrict
label obligation
lang en
regex (?i)(?<m>\bshall\b)(?!\s+not\b)(?!\s+(?:mean|be\s+understood|enter\s+into|come\s+into|have\s+the\s+right|be\s+entitled|entail|incur|bear\s+(?:liability|responsibility)|be\s+punish|be\s+liable|be\s+(?:deemed|considered|construed|recogni[sz]ed\s+as)|be\s+subject\s+to\s+(?:an?\s+)?(?:fine|penalt|liability|administrative|criminal|disciplinary|imprisonment|arrest)|apply\b|be\s+(?:prohibit|banned|forbid|restrict|limit)))
unless-before (?i)(?:\b(?:we|i|you)\s*$|\bno\s+(?:one|person|body|[\w-]+)\s*$|\b(?:nobody|no-one)\s*$)
example The organizer shall submit a notification. => obligation
example A refusal shall state the reasons and shall be delivered within three days. => obligation; obligation
example Mass media outlets shall be registered with the authorized body. => obligation; permission
not In this Law, the term "assembly" shall mean a gathering.
not This Law shall enter into force ten days after publication.
not Everyone shall have the right to freedom of association.
not Violation shall entail liability established by law.
not Violators shall be subject to a fine under the Code.
not Officials shall bear liability under the law.
not Such a gathering shall be deemed a peaceful assembly.
not As we shall see below, complaints grew.
not We shall return to this question.

rule en.must
kind restrict
label obligation
lang en
regex (?i)(?<m>\bmust\b)(?!\s+not\b)(?!\s+have\s+(?:been|[\w-]+ed|meant|known|seen|had)\b)(?!\s+be\s+(?:noted|said|stressed|emphasi[sz]ed|admitted|recogni[sz]ed|acknowledged|remembered|borne\s+in\s+mind|pointed\s+out)\b)(?!\s+(?:be\s+)?(?:prohibit|banned|forbid|restrict|limit)\w*)
example Journalists must verify the accuracy of information. => obligation
example Any restriction must be necessary and proportionate. => restriction; obligation
not It must have been difficult to count the participants.
not The author must have meant the 2015 version.
not It must be noted that the law was adopted in haste.

rule en.obliged
kind restrict
label obligation
lang en
regex (?iJ)(?<neg>\bnot\s+)?(?<m>\b(?:obliged|obligated|required)\s+to\b)
  |(?<neg>\bnot\s+)?(?<m>\b(?:oblige|obliges|obliging|obligate|obligates)\b)
example The organizer is obliged to stop the assembly. => obligation
example Participants are required to comply with lawful demands. => obligation
example The organizer is not obliged to disclose the names. => obligation negated
example Members are not required to pay entrance fees. => obligation negated
example The draft would oblige bloggers to register as media outlets. => obligation; permission

# ---- permission ----

rule en.permission
kind restrict
label permission
lang en
regex (?i)(?<neg>\b(?:does|do|did|shall|will)\s+not\s+require\s+(?:a\s+|an\s+|the\s+|any\s+|prior\s+|state\s+)*|\bnot\s+subject\s+to\s+(?:state\s+)?)?
  (?<m>\b(?:permission|permissions|licen[cs]es?|licen[cs]ing|licensed|accreditation|accredited|authori[sz]ations?|unsanctioned|unauthori[sz]ed|unregistered|re-?registration|registration)\b)
  (?!\s+(?:of|from)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:author|owner|famil|photographer|parent|artist|publisher|heir|copyright|rights?\s+holder|writer|interviewee)\w*)
# "by kind permission", "with the author's permission": a private person's consent
unless-before (?i)(?:\bkind|\b(?:authors?|owners?|famil(?:y|ies)|photographers?|parents?|artists?|publishers?|heirs?|holders?|writers?|interviewees?)(?:['’]s?)?)\s*$
example Participation in an unsanctioned assembly entails a fine. => permission
example Holding an assembly here does not require the permission of the akimat. => permission negated
example Periodicals with small circulation are not subject to registration. => permission negated
example The Ministry denied registration to the union. => permission
example Journalists accredited by the ministry may attend. => permission
example Engaging in activity subject to licensing without a licence is punished. => permission; permission
not A photo is reproduced here by kind permission of the family.
not The letter is quoted with the writer's permission.
not The interview is reprinted with permission from the publisher.
example The rally was held without the permission of the akimat. => permission

rule en.permission-not-granted
kind restrict
label permission
lang en
# the absence of an authorization is the cue itself, not a negation of it
regex (?i)\b(?:not|never)\s+(?:been\s+|be\s+)?(?<m>authori[sz]ed|sanctioned)\b
example The march had not been authorised by the city. => permission
example The picket was never sanctioned. => permission
not The chairman was authorized to sign.

rule en.permit
kind restrict
label permission
lang en
regex (?i)(?<neg>\b(?:does|do|did)\s+not\s+require\s+(?:a\s+|the\s+|any\s+)*)?(?<m>\bpermits?\b)(?!\s+(?-i:the|a|an|to|them|him|her|it|its|no|any|such|us|me|you|this|that)\b)
example Access is allowed only with a special permit issued by the commandant. => permission
example Employing workers without a permit entails a fine. => permission
not The law permits the use of loudspeakers.
example Registration and permits\nThe ministry refused. => permission; permission

rule en.registered
kind restrict
label permission
lang en
regex (?iJ)\b(?:be|been|being|not)\s+(?<m>registered)\b
  |(?<m>\bregister(?:s|ing)?\b)(?=\s+(?:with|as|at\s+the|in\s+the\s+prescribed)\b)
  |\b(?:must|shall|required\s+to|obliged\s+to|refused\s+to|refuse\s+to|failed\s+to|fail\s+to)\s+(?<m>(?:re-?)?register)\b
example A public association that has not been registered in the prescribed manner. => permission
example Media outlets must register with the authorized body. => obligation; permission
not The ministry registered 1,200 cases of domestic violence.
not Temperatures registered in July broke the record.

# ---- vague ----

rule en.extremism
kind restrict
label vague
lang en
regex (?i)(?<m>\bextremis(?:m|t|ts)\b)
example The term "extremism" is defined broadly. => vague
example The expert concluded that the leaflet was not extremist. => vague

rule en.public-order
kind restrict
label vague
lang en
regex (?i)(?<m>\bpublic\s+order\b)
example The police cited public order to disperse pickets. => vague
not The order of speakers was agreed in advance.

rule en.discord
kind restrict
label vague
lang en
regex (?i)(?<m>\b(?:incit\w*|fomenting|stirring\s+up)\s+(?:[\w-]+,?\s+(?:or\s+|and\s+)?){0,8}?(?:discord|enmity|hatred|strife|hostility)\b
  |\b(?:social|national|racial|religious|class|clan|ethnic|inter-?ethnic|interreligious)\s+(?:[\w-]+,?\s+(?:or\s+|and\s+)?){0,8}?(?:discord|enmity|hatred|strife)\b)
example Deliberate acts aimed at inciting social, national, clan, racial, class or religious discord. => vague
example Statements that incite religious enmity are prohibited. => vague; prohibition

rule en.honour
kind restrict
label vague
lang en
regex (?i)(?<m>\bhonou?r\s+and\s+dignity\b)
example His posts insulted the honour and dignity of a judge. => vague
not The conference was held in honour of the anniversary.
not The strikers demanded dignity and fair wages.

rule en.integrity
kind restrict
label vague
lang en
regex (?i)(?<m>\bterritorial\s+integrity\b|\bviolat\w+\s+(?:the\s+)?integrity\b|\bintegrity\s+of\s+the\s+(?:state|country|Republic)\b)
example Calls for violating the territorial integrity of the Republic. => vague
not The integrity of the data was checked by two analysts.

rule en.security
kind restrict
label vague
lang en
regex (?i)(?<m>\bundermin\w+\s+(?:the\s+)?(?:state\s+security|national\s+security|security\s+of\s+(?:the\s+)?(?:state|country|Republic)))
example calls for undermining the security of the state => vague
not The social security system covers all residents.

rule en.provocation
kind restrict
label vague
lang en
regex (?i)(?<m>\bprovocat(?:ion|ions|ive)\b)
example The police warned residents against provocations. => vague

rule en.false-information
kind restrict
label vague
lang en
regex (?i)(?<m>\b(?:knowingly\s+)?false\s+information\b)
example Dissemination of knowingly false information is punishable. => vague
not The fire alarm turned out to be false.
not The article on false rumours should be repealed.

# ---- exception ----

rule en.exception
kind restrict
label exception
lang en
regex (?i)(?<m>\bwith\s+the\s+exception\s+of\b|\bexcept(?:\s+(?:for|as|in|when|where|by|if|that))?\b|\bexcepting\b)
example The import of goods is restricted, except for humanitarian aid. => restriction; exception
example With the exception of funerals, marches are limited to Sundays. => exception; restriction
not Exceptional weather conditions delayed the opening.
