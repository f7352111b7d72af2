// Word lists for the benchmark corpus: patient-information wording, so pages parse
// and lint like real ones (headings, lists, links), not like random bytes.

/** Ten groups of ten folders each: content/pages/<group>/<section>/. The topic's last two words are 4+ letters. */
export const GROUPS = [
  { folder: 'bowel-cancer', topic: 'bowel cancer' },
  { folder: 'breast-cancer', topic: 'breast cancer' },
  { folder: 'lung-cancer', topic: 'lung cancer' },
  { folder: 'prostate-cancer', topic: 'prostate cancer' },
  { folder: 'skin-cancer', topic: 'skin cancer' },
  { folder: 'blood-cancers', topic: 'blood cancers' },
  { folder: 'brain-tumours', topic: 'brain tumours' },
  { folder: 'bone-cancer', topic: 'bone cancer' },
  { folder: 'head-and-neck-cancer', topic: 'head and neck cancer' },
  { folder: 'neuroendocrine-cancer', topic: 'neuroendocrine cancer' },
];

export const SECTIONS = [
  { folder: 'about', title: 'About' },
  { folder: 'symptoms', title: 'Symptoms of' },
  { folder: 'causes-and-risks', title: 'Causes and risks of' },
  { folder: 'getting-diagnosed', title: 'Getting diagnosed with' },
  { folder: 'stages-and-grades', title: 'Stages and grades of' },
  { folder: 'treatment', title: 'Treatment for' },
  { folder: 'surgery', title: 'Surgery for' },
  { folder: 'drug-treatment', title: 'Drug treatment for' },
  { folder: 'radiotherapy', title: 'Radiotherapy for' },
  { folder: 'living-with', title: 'Living with' },
];

/** Page titles: "<section title> <topic>: <aspect>". */
export const ASPECTS = [
  'an overview', 'what to expect', 'questions to ask', 'side effects', 'after treatment', 'before you start',
  'your care team', 'tests and scans', 'recovery at home', 'getting support', 'eating well', 'going home',
  'when to get help', 'for carers', 'for younger people', 'for older people', 'during pregnancy', 'at work',
  'travel and insurance', 'clinical trials', 'the first appointment', 'results explained', 'follow up care',
  'managing pain', 'managing tiredness', 'sex and relationships', 'emotional support', 'practical help',
  'money and benefits', 'talking to children',
];

/** Section headings: plain words only, so their slugs are easy to link to. */
export const HEADINGS = [
  'What it is', 'Who gets it', 'Common symptoms', 'How it is diagnosed', 'Tests you might have', 'Treatment options',
  'Possible side effects', 'Follow up', 'Living with it', 'Getting support', 'Questions to ask your doctor',
  'Research and clinical trials', 'Diet and nutrition', 'Work and money', 'Looking after yourself',
  'Coping with tiredness', 'Sex and relationships', 'Travel', 'Emotional support', 'Practical support',
  'After treatment', 'Recovery at home', 'Outlook', 'Staging', 'Grading', 'Risks and causes', 'Screening',
  'Reducing your risk', 'When to contact your team', 'Medicines you might take', 'Your care team',
  'Before your appointment', 'On the day', 'Going home', 'Long term effects', 'Fertility',
];

/** Plain sentences; `{topic}` becomes the page's topic. */
export const SENTENCES = [
  'Your doctor will explain the treatment options that are most suitable for you.',
  'The treatment you have depends on the type and stage of {topic}.',
  'Some people have more than one type of treatment, one after the other.',
  'It is important to talk to your specialist nurse if you have any worries.',
  'You might feel anxious while you wait for your results, which is completely normal.',
  'Most people go home on the same day, but some stay in hospital overnight.',
  'Tell your care team straight away if you have a high temperature or feel unwell.',
  'There are things you can do to look after yourself during and after treatment.',
  'Your team will talk to you about the possible benefits and risks of each treatment.',
  'Side effects usually get better over a few weeks once treatment has finished.',
  'You have regular check ups after treatment to see how you are and to look for signs that {topic} has come back.',
  'Some of the tests can also show how far {topic} has spread.',
  'It can help to write down any questions before you see your doctor.',
  'You might like to take a relative or friend with you to your appointments.',
  'Many people find it helpful to talk to others who have been through the same thing.',
  'Your specialist looks at the results of all your tests to decide on the best plan.',
  'The main treatments are surgery, drug treatments and radiotherapy.',
  'You may need to stop eating and drinking for a few hours before the test.',
  'The nurse will give you a leaflet that explains what happens and how to prepare.',
  'Cancer and its treatment can affect how you feel about your body.',
  'Some people find that they get tired more easily for a while after treatment.',
  'It is usually possible to carry on with your normal activities.',
  'Your doctor can prescribe medicines to help control sickness and pain.',
  'Research into {topic} is going on all the time, and treatments keep improving.',
  'Clinical trials help find new treatments and better ways of using existing ones.',
  'You can ask your team whether there is a trial that might be suitable for you.',
  'We have information to help you cope with the emotional effects of {topic}.',
  'Money worries can add to the stress of being ill, and help is available.',
  'Eating a balanced diet can help you keep your strength up during treatment.',
  'Gentle exercise such as walking can help with tiredness and improve your mood.',
  'The results of your tests usually take between one and two weeks.',
  'Your GP will get a letter from the hospital with the results and your treatment plan.',
  'Not everyone gets every side effect, and some people have very few.',
  'Try to drink plenty of fluids and rest when you need to.',
  'Let your team know if you are taking any other medicines, including herbal remedies.',
  'Treatment can sometimes affect your fertility, so ask about this before it starts.',
  'Your specialist nurse is your key worker and the main person to contact with questions.',
  'Having {topic} can change how you feel about work, family and friends.',
  'Smoking increases the risk of complications, so it helps to stop before treatment.',
  'Some people choose to have a second opinion before deciding on treatment.',
];

/** Sentences that carry a glossary link; `{link}` becomes `[text](glossary:id)`. */
export const TERM_SENTENCES = [
  'Your doctor might talk to you about {link}.',
  'You might have {link} as part of your treatment.',
  'Some people need {link} before their main treatment starts.',
  'Your team will explain what {link} involves and how long it takes.',
  'The results of {link} help your doctor plan your care.',
  'You can ask your specialist nurse about {link} if you are not sure what it means.',
  'After {link}, you usually see your specialist again within a few weeks.',
  'Sometimes {link} is used to control symptoms rather than to cure {topic}.',
  'There is more information about {link} in our glossary.',
  'Your doctor may recommend {link} if {topic} has spread.',
];

/** Sentences that carry a relative link; `{link}` becomes `[text](path#heading)`. */
export const PAGE_LINK_SENTENCES = [
  'Read more about this in {link}.',
  'We have more information in {link}.',
  'You can find out what to expect in {link}.',
  'There is advice on this in {link}.',
];

export const LIST_ITEMS = [
  'feeling or being sick', 'tiredness and lack of energy', 'changes to your appetite', 'pain or discomfort',
  'a high temperature', 'losing weight without trying', 'changes to your skin', 'feeling low or anxious',
  'a blood test', 'a CT scan', 'an MRI scan', 'a chest x-ray', 'a physical examination', 'a tissue sample',
  'your age and general health', 'the size of the cancer', 'whether it has spread', 'your own wishes',
  'the type of cells', 'how quickly it is growing', 'speak to your specialist nurse', 'call the ward',
  'contact your GP', 'go to your nearest accident and emergency department', 'what the treatment aims to do',
  'how long treatment will take', 'what side effects to expect', 'how it might affect your daily life',
  'who to contact out of hours', 'where to find support groups',
];

export const LIST_INTROS = [
  'Symptoms can include:', 'You might have:', 'Your doctor will think about:', 'It helps to ask:',
  'Contact your team if you have:', 'Things to think about include:', 'The tests might include:',
  'If you feel unwell, you can:',
];

/** Glossary terms: [term, alias, ...]. With ORGANS × PROCEDURES below they make the 300 entries. */
export const GLOSSARY_BASE = [
  ['Chemotherapy', 'chemo'], ['Radiotherapy', 'radiation therapy'], ['Immunotherapy'], ['Targeted cancer drugs', 'targeted therapy'],
  ['Hormone therapy'], ['Biopsy'], ['CT scan', 'CT'], ['MRI scan', 'MRI'], ['PET-CT scan', 'PET scan'], ['Ultrasound scan', 'ultrasound'],
  ['Lymph nodes', 'lymph glands'], ['Metastasis', 'secondary cancer'], ['Prognosis', 'outlook'], ['Stage'], ['Grade'],
  ['Benign'], ['Malignant'], ['Tumour', 'growth'], ['Oncologist'], ['Surgeon'], ['Specialist nurse', 'clinical nurse specialist'],
  ['Multidisciplinary team', 'MDT'], ['Palliative care'], ['Remission'], ['Recurrence', 'relapse'], ['Anaemia'],
  ['Neutropenia'], ['Fatigue', 'tiredness'], ['Lymphoedema'], ['Stoma'], ['Catheter'], ['Cannula'],
  ['PICC line'], ['Central line'], ['General anaesthetic'], ['Local anaesthetic'], ['Sedation'], ['Endoscopy'],
  ['Colonoscopy'], ['Laparoscopy', 'keyhole surgery'], ['Radiofrequency ablation'], ['Stem cell transplant'],
  ['Clinical trial'], ['Consent form'], ['Contrast medium', 'dye'], ['Blood count'], ['Platelets'], ['White blood cells'],
  ['Red blood cells'], ['Hormones'], ['Neuroendocrine cells'], ['Somatostatin analogues'], ['Steroids'], ['Antiemetics', 'anti sickness medicines'],
  ['Biological therapy'], ['Brachytherapy', 'internal radiotherapy'], ['Proton beam therapy'], ['Mammogram'], ['Smear test'],
  ['Screening'], ['Genetic testing'], ['Gene'], ['Cell'], ['Carcinoma'], ['Sarcoma'], ['Lymphoma'], ['Leukaemia'], ['Myeloma'],
  ['Melanoma'], ['Hospice'],
];
export const ORGANS = ['bowel', 'liver', 'lung', 'bone', 'breast', 'skin', 'kidney', 'bladder', 'stomach', 'pancreas', 'thyroid', 'prostate', 'brain', 'ovary', 'cervix', 'oesophagus', 'throat', 'mouth', 'spleen', 'adrenal gland', 'womb', 'testicle', 'blood', 'bone marrow', 'lymph'];
export const PROCEDURES = ['biopsy', 'ultrasound', 'surgery', 'removal', 'function test', 'specialist', 'scan', 'cells', 'lining', 'resection'];

export const DEFINITIONS = [
  'A test or treatment your care team may talk to you about.',
  'You usually have it in hospital as an outpatient.',
  'Your doctor or specialist nurse will explain what it involves.',
  'It can help your doctor find out more about your condition.',
  'Some people need it more than once.',
  'It is part of the normal care for many people with cancer.',
];

export const FIRST_NAMES = ['Jo', 'Sam', 'Alex', 'Priya', 'Tom', 'Aisha', 'Ben', 'Chloe', 'David', 'Emma', 'Farah', 'George', 'Hannah', 'Imran', 'Jack', 'Kate', 'Liam', 'Maya', 'Nina', 'Oliver', 'Paul', 'Rosa', 'Sarah', 'Tariq', 'Uma', 'Victor', 'Wendy', 'Yusuf', 'Zoe', 'Ruth', 'Owen', 'Leila', 'Mark', 'Ngozi'];
export const SURNAMES = ['Smith', 'Patel', 'Jones', 'Khan', 'Brown', 'Williams', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts', 'Johnson', 'Ali', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Martin', 'Jackson', 'Clarke', 'Okafor', 'Nguyen', 'Murphy', 'Kaur', 'Lewis', 'Scott'];

/** Surnames for reference authors: "M Pavel, F Panzuto and others". */
export const AUTHOR_SURNAMES = ['Pavel', 'Panzuto', 'Niederle', 'Scott', 'Howe', 'Garcia', 'Schmidt', 'Rossi', 'Chen', 'Kim', 'Novak', 'Larsen', 'Dubois', 'Moreno', 'Yamamoto', 'Okonkwo', 'Singh', 'Fischer', 'Costa', 'Andersson', 'Byrne', 'Ivanova', 'Haddad', 'Tanaka'];
export const INITIALS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'W', 'A J', 'M R', 'S K'];

export const JOURNALS = [
  { name: 'Annals of Oncology', code: 'j.annonc', prefix: '10.1016' },
  { name: 'The Lancet Oncology', code: 'S1470-2045', prefix: '10.1016' },
  { name: 'Journal of Clinical Oncology', code: 'JCO', prefix: '10.1200' },
  { name: 'British Journal of Cancer', code: 's41416', prefix: '10.1038' },
  { name: 'European Journal of Cancer', code: 'j.ejca', prefix: '10.1016' },
  { name: 'Journal of Neuroendocrinology', code: 'jne', prefix: '10.1111' },
  { name: 'Cancer Treatment Reviews', code: 'j.ctrv', prefix: '10.1016' },
  { name: 'BMJ', code: 'bmj', prefix: '10.1136' },
  { name: 'Clinical Oncology', code: 'j.clon', prefix: '10.1016' },
  { name: 'Supportive Care in Cancer', code: 's00520', prefix: '10.1007' },
];
export const PUBLISHERS = ['National Institute for Health and Care Excellence', 'European Society for Medical Oncology', 'Scottish Intercollegiate Guidelines Network', 'Royal College of Radiologists', 'Oxford University Press', 'Elsevier', 'Wiley'];

/** Reference titles: "{what} {topic}: {angle}". */
export const REFERENCE_WHAT = ['Diagnosis and management of', 'Long term outcomes in', 'Quality of life after treatment for', 'Guidelines for the treatment of', 'Follow up care in', 'Patient experience of', 'Survival trends in', 'Supportive care needs in', 'Surgical approaches to', 'Systemic therapy for'];
export const REFERENCE_ANGLES = ['a systematic review', 'a population based study', 'clinical practice guidelines', 'a randomised controlled trial', 'recommendations for practice', 'an update', 'a multicentre cohort study', 'consensus statement'];
