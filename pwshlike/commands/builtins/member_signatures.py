"""The .NET signatures Get-Member shows for the members of common types
(``datetime AddDays(double value)``), which pwshlike's Python methods
cannot tell by themselves.

A table per .NET type: a method's overloads as pwsh prints them, in its
order, and a property's type.  ``T`` in a generic type's signatures is
replaced by the element type's display name (``void Add(int item)`` for a
``List[int]``).  Members without an entry keep the generic form Get-Member
builds from the Python method.
"""

from __future__ import annotations

import re
from typing import Optional

_STRINGS = {
    "Clone": ["System.Object Clone()", "System.Object ICloneable.Clone()"],
    "CompareTo": ["int CompareTo(System.Object value)", "int CompareTo(string strB)",
                  "int IComparable.CompareTo(System.Object obj)", "int IComparable[string].CompareTo(string other)"],
    "Contains": ["bool Contains(string value)", "bool Contains(string value, System.StringComparison comparisonType)",
                 "bool Contains(char value)", "bool Contains(char value, System.StringComparison comparisonType)"],
    "EndsWith": ["bool EndsWith(string value)", "bool EndsWith(string value, System.StringComparison comparisonType)",
                 "bool EndsWith(string value, bool ignoreCase, cultureinfo culture)", "bool EndsWith(char value)"],
    "Equals": ["bool Equals(System.Object obj)", "bool Equals(string value)",
               "bool Equals(string value, System.StringComparison comparisonType)",
               "bool IEquatable[string].Equals(string other)"],
    "GetEnumerator": ["System.CharEnumerator GetEnumerator()",
                      "System.Collections.IEnumerator IEnumerable.GetEnumerator()",
                      "System.Collections.Generic.IEnumerator[char] IEnumerable[char].GetEnumerator()"],
    "GetHashCode": ["int GetHashCode()", "int GetHashCode(System.StringComparison comparisonType)"],
    "IndexOf": ["int IndexOf(char value)", "int IndexOf(char value, int startIndex)",
                "int IndexOf(char value, System.StringComparison comparisonType)",
                "int IndexOf(char value, int startIndex, int count)", "int IndexOf(string value)",
                "int IndexOf(string value, int startIndex)", "int IndexOf(string value, int startIndex, int count)",
                "int IndexOf(string value, System.StringComparison comparisonType)",
                "int IndexOf(string value, int startIndex, System.StringComparison comparisonType)",
                "int IndexOf(string value, int startIndex, int count, System.StringComparison comparisonType)"],
    "IndexOfAny": ["int IndexOfAny(char[] anyOf)", "int IndexOfAny(char[] anyOf, int startIndex)",
                   "int IndexOfAny(char[] anyOf, int startIndex, int count)"],
    "Insert": ["string Insert(int startIndex, string value)"],
    "IsNormalized": ["bool IsNormalized()", "bool IsNormalized(System.Text.NormalizationForm normalizationForm)"],
    "LastIndexOf": ["int LastIndexOf(char value)", "int LastIndexOf(char value, int startIndex)",
                    "int LastIndexOf(char value, int startIndex, int count)", "int LastIndexOf(string value)",
                    "int LastIndexOf(string value, int startIndex)",
                    "int LastIndexOf(string value, int startIndex, int count)",
                    "int LastIndexOf(string value, System.StringComparison comparisonType)",
                    "int LastIndexOf(string value, int startIndex, System.StringComparison comparisonType)",
                    "int LastIndexOf(string value, int startIndex, int count, System.StringComparison "
                    "comparisonType)"],
    "LastIndexOfAny": ["int LastIndexOfAny(char[] anyOf)", "int LastIndexOfAny(char[] anyOf, int startIndex)",
                       "int LastIndexOfAny(char[] anyOf, int startIndex, int count)"],
    "Normalize": ["string Normalize()", "string Normalize(System.Text.NormalizationForm normalizationForm)"],
    "PadLeft": ["string PadLeft(int totalWidth)", "string PadLeft(int totalWidth, char paddingChar)"],
    "PadRight": ["string PadRight(int totalWidth)", "string PadRight(int totalWidth, char paddingChar)"],
    "Remove": ["string Remove(int startIndex, int count)", "string Remove(int startIndex)"],
    "Replace": ["string Replace(string oldValue, string newValue, bool ignoreCase, cultureinfo culture)",
                "string Replace(string oldValue, string newValue, System.StringComparison comparisonType)",
                "string Replace(char oldChar, char newChar)", "string Replace(string oldValue, string newValue)"],
    "Split": ["string[] Split(char separator, System.StringSplitOptions options = System.StringSplitOptions.None)",
              "string[] Split(char separator, int count, System.StringSplitOptions options = "
              "System.StringSplitOptions.None)",
              "string[] Split(Params char[] separator)", "string[] Split(char[] separator, int count)",
              "string[] Split(char[] separator, System.StringSplitOptions options)",
              "string[] Split(char[] separator, int count, System.StringSplitOptions options)",
              "string[] Split(string separator, System.StringSplitOptions options = System.StringSplitOptions.None)",
              "string[] Split(string separator, int count, System.StringSplitOptions options = "
              "System.StringSplitOptions.None)",
              "string[] Split(string[] separator, System.StringSplitOptions options)",
              "string[] Split(string[] separator, int count, System.StringSplitOptions options)"],
    "StartsWith": ["bool StartsWith(string value)",
                   "bool StartsWith(string value, System.StringComparison comparisonType)",
                   "bool StartsWith(string value, bool ignoreCase, cultureinfo culture)", "bool StartsWith(char value)"],
    "Substring": ["string Substring(int startIndex)", "string Substring(int startIndex, int length)"],
    "ToCharArray": ["char[] ToCharArray()", "char[] ToCharArray(int startIndex, int length)"],
    "ToLower": ["string ToLower()", "string ToLower(cultureinfo culture)"],
    "ToLowerInvariant": ["string ToLowerInvariant()"],
    "ToString": ["string ToString()", "string ToString(System.IFormatProvider provider)",
                 "string IConvertible.ToString(System.IFormatProvider provider)"],
    "ToUpper": ["string ToUpper()", "string ToUpper(cultureinfo culture)"],
    "ToUpperInvariant": ["string ToUpperInvariant()"],
    "Trim": ["string Trim()", "string Trim(char trimChar)", "string Trim(Params char[] trimChars)"],
    "TrimEnd": ["string TrimEnd()", "string TrimEnd(char trimChar)", "string TrimEnd(Params char[] trimChars)"],
    "TrimStart": ["string TrimStart()", "string TrimStart(char trimChar)",
                  "string TrimStart(Params char[] trimChars)"],
    "get_Chars": ["char get_Chars(int index)"],
    "get_Length": ["int get_Length()"],
}

_DATETIME = {
    "Add": ["datetime Add(timespan value)"],
    "AddDays": ["datetime AddDays(double value)"], "AddHours": ["datetime AddHours(double value)"],
    "AddMicroseconds": ["datetime AddMicroseconds(double value)"],
    "AddMilliseconds": ["datetime AddMilliseconds(double value)"],
    "AddMinutes": ["datetime AddMinutes(double value)"], "AddMonths": ["datetime AddMonths(int months)"],
    "AddSeconds": ["datetime AddSeconds(double value)"], "AddTicks": ["datetime AddTicks(long value)"],
    "AddYears": ["datetime AddYears(int value)"],
    "CompareTo": ["int CompareTo(System.Object value)", "int CompareTo(datetime value)",
                  "int IComparable.CompareTo(System.Object obj)",
                  "int IComparable[datetime].CompareTo(datetime other)"],
    "Equals": ["bool Equals(datetime value)", "bool Equals(System.Object value)",
               "bool IEquatable[datetime].Equals(datetime other)"],
    "GetHashCode": ["int GetHashCode()"],
    "IsDaylightSavingTime": ["bool IsDaylightSavingTime()"],
    "Subtract": ["timespan Subtract(datetime value)", "datetime Subtract(timespan value)"],
    "ToFileTime": ["long ToFileTime()"], "ToFileTimeUtc": ["long ToFileTimeUtc()"],
    "ToLocalTime": ["datetime ToLocalTime()"], "ToLongDateString": ["string ToLongDateString()"],
    "ToLongTimeString": ["string ToLongTimeString()"], "ToShortDateString": ["string ToShortDateString()"],
    "ToShortTimeString": ["string ToShortTimeString()"], "ToUniversalTime": ["datetime ToUniversalTime()"],
    "ToString": ["string ToString()", "string ToString(string format)", "string ToString(System.IFormatProvider "
                 "provider)", "string ToString(string format, System.IFormatProvider provider)",
                 "string IFormattable.ToString(string format, System.IFormatProvider formatProvider)",
                 "string IConvertible.ToString(System.IFormatProvider provider)"],
    "Date": "datetime", "Day": "int", "DayOfWeek": "System.DayOfWeek", "DayOfYear": "int", "Hour": "int",
    "Kind": "System.DateTimeKind", "Microsecond": "int", "Millisecond": "int", "Minute": "int", "Month": "int",
    "Nanosecond": "int", "Second": "int", "Ticks": "long", "TimeOfDay": "timespan", "Year": "int",
}

_TIMESPAN = {
    "Add": ["timespan Add(timespan ts)"],
    "CompareTo": ["int CompareTo(System.Object value)", "int CompareTo(timespan value)",
                  "int IComparable.CompareTo(System.Object obj)",
                  "int IComparable[timespan].CompareTo(timespan other)"],
    "Divide": ["timespan Divide(double divisor)", "double Divide(timespan ts)"],
    "Duration": ["timespan Duration()"],
    "Equals": ["bool Equals(System.Object value)", "bool Equals(timespan obj)",
               "bool IEquatable[timespan].Equals(timespan other)"],
    "GetHashCode": ["int GetHashCode()"],
    "Multiply": ["timespan Multiply(double factor)"], "Negate": ["timespan Negate()"],
    "Subtract": ["timespan Subtract(timespan ts)"],
    "ToString": ["string ToString()", "string ToString(string format)",
                 "string ToString(string format, System.IFormatProvider formatProvider)",
                 "string IFormattable.ToString(string format, System.IFormatProvider formatProvider)"],
    **{name: "int" for name in ("Days", "Hours", "Microseconds", "Milliseconds", "Minutes", "Nanoseconds",
                                "Seconds")},
    "Ticks": "long",
    **{name: "double" for name in ("TotalDays", "TotalHours", "TotalMicroseconds", "TotalMilliseconds",
                                   "TotalMinutes", "TotalNanoseconds", "TotalSeconds")},
}


def _number(name: str) -> dict[str, object]:
    return {
        "CompareTo": ["int CompareTo(System.Object value)", f"int CompareTo({name} value)",
                      "int IComparable.CompareTo(System.Object obj)",
                      f"int IComparable[{name}].CompareTo({name} other)"],
        "Equals": ["bool Equals(System.Object obj)", f"bool Equals({name} obj)",
                   f"bool IEquatable[{name}].Equals({name} other)"],
        "GetHashCode": ["int GetHashCode()"],
        "ToString": ["string ToString()", "string ToString(string format)",
                     "string ToString(System.IFormatProvider provider)",
                     "string ToString(string format, System.IFormatProvider provider)",
                     "string IFormattable.ToString(string format, System.IFormatProvider formatProvider)",
                     "string IConvertible.ToString(System.IFormatProvider provider)"],
    }


_HASHTABLE = {
    "Add": ["void Add(System.Object key, System.Object value)",
            "void IDictionary.Add(System.Object key, System.Object value)"],
    "Clear": ["void Clear()", "void IDictionary.Clear()"],
    "Clone": ["System.Object Clone()", "System.Object ICloneable.Clone()"],
    "Contains": ["bool Contains(System.Object key)", "bool IDictionary.Contains(System.Object key)"],
    "ContainsKey": ["bool ContainsKey(System.Object key)"],
    "ContainsValue": ["bool ContainsValue(System.Object value)"],
    "CopyTo": ["void CopyTo(array array, int arrayIndex)", "void ICollection.CopyTo(array array, int index)"],
    "GetEnumerator": ["System.Collections.IDictionaryEnumerator GetEnumerator()",
                      "System.Collections.IDictionaryEnumerator IDictionary.GetEnumerator()",
                      "System.Collections.IEnumerator IEnumerable.GetEnumerator()"],
    "Remove": ["void Remove(System.Object key)", "void IDictionary.Remove(System.Object key)"],
    "get_Item": ["System.Object get_Item(System.Object key)"],
    "set_Item": ["void set_Item(System.Object key, System.Object value)"],
    "Count": "int", "IsFixedSize": "bool", "IsReadOnly": "bool", "IsSynchronized": "bool",
    "Keys": "System.Collections.ICollection", "SyncRoot": "System.Object", "Values": "System.Collections.ICollection",
}

_ARRAYLIST = {
    "Add": ["int Add(System.Object value)", "int IList.Add(System.Object value)"],
    "AddRange": ["void AddRange(System.Collections.ICollection c)"],
    "Clear": ["void Clear()", "void IList.Clear()"],
    "Clone": ["System.Object Clone()", "System.Object ICloneable.Clone()"],
    "Contains": ["bool Contains(System.Object item)", "bool IList.Contains(System.Object value)"],
    "CopyTo": ["void CopyTo(array array)", "void CopyTo(array array, int arrayIndex)",
               "void CopyTo(int index, array array, int arrayIndex, int count)",
               "void ICollection.CopyTo(array array, int index)"],
    "GetEnumerator": ["System.Collections.IEnumerator GetEnumerator()",
                      "System.Collections.IEnumerator GetEnumerator(int index, int count)",
                      "System.Collections.IEnumerator IEnumerable.GetEnumerator()"],
    "GetRange": ["System.Collections.ArrayList GetRange(int index, int count)"],
    "IndexOf": ["int IndexOf(System.Object value)", "int IndexOf(System.Object value, int startIndex)",
                "int IndexOf(System.Object value, int startIndex, int count)", "int IList.IndexOf(System.Object value)"],
    "Insert": ["void Insert(int index, System.Object value)", "void IList.Insert(int index, System.Object value)"],
    "InsertRange": ["void InsertRange(int index, System.Collections.ICollection c)"],
    "LastIndexOf": ["int LastIndexOf(System.Object value)", "int LastIndexOf(System.Object value, int startIndex)",
                    "int LastIndexOf(System.Object value, int startIndex, int count)"],
    "Remove": ["void Remove(System.Object obj)", "void IList.Remove(System.Object value)"],
    "RemoveAt": ["void RemoveAt(int index)", "void IList.RemoveAt(int index)"],
    "RemoveRange": ["void RemoveRange(int index, int count)"],
    "Reverse": ["void Reverse()", "void Reverse(int index, int count)"],
    "SetRange": ["void SetRange(int index, System.Collections.ICollection c)"],
    "Sort": ["void Sort()", "void Sort(System.Collections.IComparer comparer)",
             "void Sort(int index, int count, System.Collections.IComparer comparer)"],
    "ToArray": ["System.Object[] ToArray()", "array ToArray(type type)"],
    "TrimToSize": ["void TrimToSize()"],
    "Capacity": "int", "Count": "int", "IsFixedSize": "bool", "IsReadOnly": "bool", "IsSynchronized": "bool",
    "SyncRoot": "System.Object",
}

# List[T]'s signatures, T standing for its element type.
_LIST = {
    "Add": ["void Add(T item)", "void ICollection[T].Add(T item)", "int IList.Add(System.Object value)"],
    "AddRange": ["void AddRange(System.Collections.Generic.IEnumerable[T] collection)"],
    "Clear": ["void Clear()", "void ICollection[T].Clear()", "void IList.Clear()"],
    "Contains": ["bool Contains(T item)", "bool ICollection[T].Contains(T item)",
                 "bool IList.Contains(System.Object value)"],
    "CopyTo": ["void CopyTo(T[] array)", "void CopyTo(int index, T[] array, int arrayIndex, int count)",
               "void CopyTo(T[] array, int arrayIndex)", "void ICollection[T].CopyTo(T[] array, int arrayIndex)",
               "void ICollection.CopyTo(array array, int arrayIndex)"],
    "EnsureCapacity": ["int EnsureCapacity(int capacity)"],
    "Exists": ["bool Exists(System.Predicate[T] match)"],
    "Find": ["T Find(System.Predicate[T] match)"],
    "FindAll": ["System.Collections.Generic.List[T] FindAll(System.Predicate[T] match)"],
    "FindIndex": ["int FindIndex(System.Predicate[T] match)", "int FindIndex(int startIndex, System.Predicate[T] match)",
                  "int FindIndex(int startIndex, int count, System.Predicate[T] match)"],
    "FindLast": ["T FindLast(System.Predicate[T] match)"],
    "ForEach": ["void ForEach(System.Action[T] action)"],
    "GetEnumerator": ["System.Collections.Generic.List`1+Enumerator[T] GetEnumerator()",
                      "System.Collections.Generic.IEnumerator[T] IEnumerable[T].GetEnumerator()",
                      "System.Collections.IEnumerator IEnumerable.GetEnumerator()"],
    "GetRange": ["System.Collections.Generic.List[T] GetRange(int index, int count)"],
    "IndexOf": ["int IndexOf(T item)", "int IndexOf(T item, int index)", "int IndexOf(T item, int index, int count)",
                "int IList[T].IndexOf(T item)", "int IList.IndexOf(System.Object value)"],
    "Insert": ["void Insert(int index, T item)", "void IList[T].Insert(int index, T item)",
               "void IList.Insert(int index, System.Object value)"],
    "InsertRange": ["void InsertRange(int index, System.Collections.Generic.IEnumerable[T] collection)"],
    "LastIndexOf": ["int LastIndexOf(T item)", "int LastIndexOf(T item, int index)",
                    "int LastIndexOf(T item, int index, int count)"],
    "Remove": ["bool Remove(T item)", "bool ICollection[T].Remove(T item)", "void IList.Remove(System.Object value)"],
    "RemoveAll": ["int RemoveAll(System.Predicate[T] match)"],
    "RemoveAt": ["void RemoveAt(int index)", "void IList[T].RemoveAt(int index)", "void IList.RemoveAt(int index)"],
    "RemoveRange": ["void RemoveRange(int index, int count)"],
    "Reverse": ["void Reverse()", "void Reverse(int index, int count)"],
    "Sort": ["void Sort()", "void Sort(System.Collections.Generic.IComparer[T] comparer)",
             "void Sort(int index, int count, System.Collections.Generic.IComparer[T] comparer)",
             "void Sort(System.Comparison[T] comparison)"],
    "ToArray": ["T[] ToArray()"], "TrimExcess": ["void TrimExcess()"],
    "TrueForAll": ["bool TrueForAll(System.Predicate[T] match)"],
    "Capacity": "int", "Count": "int",
}

_FILE_SYSTEM_INFO = {
    "Delete": ["void Delete()"], "Refresh": ["void Refresh()"],
    "Attributes": "System.IO.FileAttributes", "CreationTime": "datetime", "CreationTimeUtc": "datetime",
    "Exists": "bool", "Extension": "string", "FullName": "string", "LastAccessTime": "datetime",
    "LastAccessTimeUtc": "datetime", "LastWriteTime": "datetime", "LastWriteTimeUtc": "datetime",
    "LinkTarget": "string", "Name": "string", "UnixFileMode": "System.IO.UnixFileMode",
}

_FILE_INFO = {
    **_FILE_SYSTEM_INFO,
    "CopyTo": ["System.IO.FileInfo CopyTo(string destFileName)",
               "System.IO.FileInfo CopyTo(string destFileName, bool overwrite)"],
    "MoveTo": ["void MoveTo(string destFileName)", "void MoveTo(string destFileName, bool overwrite)"],
    "Directory": "System.IO.DirectoryInfo", "DirectoryName": "string", "IsReadOnly": "bool", "Length": "long",
}

_DIRECTORY_INFO = {
    **_FILE_SYSTEM_INFO,
    "Create": ["void Create()"],
    "CreateSubdirectory": ["System.IO.DirectoryInfo CreateSubdirectory(string path)"],
    "Delete": ["void Delete()", "void Delete(bool recursive)"],
    "EnumerateDirectories": ["System.Collections.Generic.IEnumerable[System.IO.DirectoryInfo] EnumerateDirectories()",
                             "System.Collections.Generic.IEnumerable[System.IO.DirectoryInfo] "
                             "EnumerateDirectories(string searchPattern)",
                             "System.Collections.Generic.IEnumerable[System.IO.DirectoryInfo] "
                             "EnumerateDirectories(string searchPattern, System.IO.SearchOption searchOption)"],
    "EnumerateFiles": ["System.Collections.Generic.IEnumerable[System.IO.FileInfo] EnumerateFiles()",
                       "System.Collections.Generic.IEnumerable[System.IO.FileInfo] EnumerateFiles(string "
                       "searchPattern)",
                       "System.Collections.Generic.IEnumerable[System.IO.FileInfo] EnumerateFiles(string "
                       "searchPattern, System.IO.SearchOption searchOption)"],
    "GetDirectories": ["System.IO.DirectoryInfo[] GetDirectories()",
                       "System.IO.DirectoryInfo[] GetDirectories(string searchPattern)",
                       "System.IO.DirectoryInfo[] GetDirectories(string searchPattern, System.IO.SearchOption "
                       "searchOption)"],
    "GetFiles": ["System.IO.FileInfo[] GetFiles()", "System.IO.FileInfo[] GetFiles(string searchPattern)",
                 "System.IO.FileInfo[] GetFiles(string searchPattern, System.IO.SearchOption searchOption)"],
    "GetFileSystemInfos": ["System.IO.FileSystemInfo[] GetFileSystemInfos()",
                           "System.IO.FileSystemInfo[] GetFileSystemInfos(string searchPattern)",
                           "System.IO.FileSystemInfo[] GetFileSystemInfos(string searchPattern, "
                           "System.IO.SearchOption searchOption)"],
    "MoveTo": ["void MoveTo(string destDirName)"],
    "Parent": "System.IO.DirectoryInfo", "Root": "System.IO.DirectoryInfo",
}

_XML_NODE = {
    "AppendChild": ["System.Xml.XmlNode AppendChild(System.Xml.XmlNode newChild)"],
    "Clone": ["System.Xml.XmlNode Clone()", "System.Object ICloneable.Clone()"],
    "CloneNode": ["System.Xml.XmlNode CloneNode(bool deep)"],
    "GetEnumerator": ["System.Collections.IEnumerator GetEnumerator()",
                      "System.Collections.IEnumerator IEnumerable.GetEnumerator()"],
    "InsertAfter": ["System.Xml.XmlNode InsertAfter(System.Xml.XmlNode newChild, System.Xml.XmlNode refChild)"],
    "InsertBefore": ["System.Xml.XmlNode InsertBefore(System.Xml.XmlNode newChild, System.Xml.XmlNode refChild)"],
    "PrependChild": ["System.Xml.XmlNode PrependChild(System.Xml.XmlNode newChild)"],
    "RemoveAll": ["void RemoveAll()"],
    "RemoveChild": ["System.Xml.XmlNode RemoveChild(System.Xml.XmlNode oldChild)"],
    "ReplaceChild": ["System.Xml.XmlNode ReplaceChild(System.Xml.XmlNode newChild, System.Xml.XmlNode oldChild)"],
    "SelectNodes": ["System.Xml.XmlNodeList SelectNodes(string xpath)",
                    "System.Xml.XmlNodeList SelectNodes(string xpath, System.Xml.XmlNamespaceManager nsmgr)"],
    "SelectSingleNode": ["System.Xml.XmlNode SelectSingleNode(string xpath)",
                         "System.Xml.XmlNode SelectSingleNode(string xpath, System.Xml.XmlNamespaceManager nsmgr)"],
    "ToString": ["string ToString()"],
}

_XML_ELEMENT = {
    **_XML_NODE,
    "GetAttribute": ["string GetAttribute(string name)", "string GetAttribute(string localName, string namespaceURI)"],
    "GetAttributeNode": ["System.Xml.XmlAttribute GetAttributeNode(string name)",
                         "System.Xml.XmlAttribute GetAttributeNode(string localName, string namespaceURI)"],
    "GetElementsByTagName": ["System.Xml.XmlNodeList GetElementsByTagName(string name)",
                             "System.Xml.XmlNodeList GetElementsByTagName(string localName, string namespaceURI)"],
    "HasAttribute": ["bool HasAttribute(string name)", "bool HasAttribute(string localName, string namespaceURI)"],
    "RemoveAllAttributes": ["void RemoveAllAttributes()"],
    "RemoveAttribute": ["void RemoveAttribute(string name)",
                        "void RemoveAttribute(string localName, string namespaceURI)"],
    "SetAttribute": ["void SetAttribute(string name, string value)",
                     "string SetAttribute(string localName, string namespaceURI, string value)"],
    "SetAttributeNode": ["System.Xml.XmlAttribute SetAttributeNode(System.Xml.XmlAttribute newAttr)",
                         "System.Xml.XmlAttribute SetAttributeNode(string localName, string namespaceURI)"],
}

_XML_DOCUMENT = {
    **_XML_NODE,
    "CreateAttribute": ["System.Xml.XmlAttribute CreateAttribute(string name)",
                        "System.Xml.XmlAttribute CreateAttribute(string qualifiedName, string namespaceURI)",
                        "System.Xml.XmlAttribute CreateAttribute(string prefix, string localName, string "
                        "namespaceURI)"],
    "CreateCDataSection": ["System.Xml.XmlCDataSection CreateCDataSection(string data)"],
    "CreateComment": ["System.Xml.XmlComment CreateComment(string data)"],
    "CreateDocumentFragment": ["System.Xml.XmlDocumentFragment CreateDocumentFragment()"],
    "CreateElement": ["System.Xml.XmlElement CreateElement(string name)",
                      "System.Xml.XmlElement CreateElement(string qualifiedName, string namespaceURI)",
                      "System.Xml.XmlElement CreateElement(string prefix, string localName, string namespaceURI)"],
    "CreateNode": ["System.Xml.XmlNode CreateNode(System.Xml.XmlNodeType type, string prefix, string name, string "
                   "namespaceURI)",
                   "System.Xml.XmlNode CreateNode(string nodeTypeString, string name, string namespaceURI)",
                   "System.Xml.XmlNode CreateNode(System.Xml.XmlNodeType type, string name, string namespaceURI)"],
    "CreateProcessingInstruction": ["System.Xml.XmlProcessingInstruction CreateProcessingInstruction(string target, "
                                    "string data)"],
    "CreateTextNode": ["System.Xml.XmlText CreateTextNode(string text)"],
    "CreateWhitespace": ["System.Xml.XmlWhitespace CreateWhitespace(string text)"],
    "CreateXmlDeclaration": ["System.Xml.XmlDeclaration CreateXmlDeclaration(string version, string encoding, "
                             "string standalone)"],
    "GetElementById": ["System.Xml.XmlElement GetElementById(string elementId)"],
    "GetElementsByTagName": ["System.Xml.XmlNodeList GetElementsByTagName(string name)",
                             "System.Xml.XmlNodeList GetElementsByTagName(string localName, string namespaceURI)"],
    "ImportNode": ["System.Xml.XmlNode ImportNode(System.Xml.XmlNode node, bool deep)"],
    "Load": ["void Load(string filename)", "void Load(System.IO.Stream inStream)",
             "void Load(System.IO.TextReader txtReader)", "void Load(System.Xml.XmlReader reader)"],
    "LoadXml": ["void LoadXml(string xml)"],
    "Save": ["void Save(string filename)", "void Save(System.IO.Stream outStream)",
             "void Save(System.IO.TextWriter writer)", "void Save(System.Xml.XmlWriter w)"],
}

_STRING_BUILDER = {
    "Append": ["System.Text.StringBuilder Append(char value, int repeatCount)",
               "System.Text.StringBuilder Append(char[] value, int startIndex, int charCount)",
               "System.Text.StringBuilder Append(string value)",
               "System.Text.StringBuilder Append(string value, int startIndex, int count)",
               "System.Text.StringBuilder Append(System.Text.StringBuilder value)",
               "System.Text.StringBuilder Append(System.Text.StringBuilder value, int startIndex, int count)",
               "System.Text.StringBuilder Append(bool value)", "System.Text.StringBuilder Append(char value)",
               "System.Text.StringBuilder Append(sbyte value)", "System.Text.StringBuilder Append(byte value)",
               "System.Text.StringBuilder Append(short value)", "System.Text.StringBuilder Append(int value)",
               "System.Text.StringBuilder Append(long value)", "System.Text.StringBuilder Append(float value)",
               "System.Text.StringBuilder Append(double value)", "System.Text.StringBuilder Append(decimal value)",
               "System.Text.StringBuilder Append(ushort value)", "System.Text.StringBuilder Append(uint value)",
               "System.Text.StringBuilder Append(ulong value)", "System.Text.StringBuilder Append(System.Object value)",
               "System.Text.StringBuilder Append(char[] value)",
               "System.Text.StringBuilder Append(System.ReadOnlySpan[char] value)",
               "System.Text.StringBuilder Append(System.ReadOnlyMemory[char] value)"],
    "AppendFormat": ["System.Text.StringBuilder AppendFormat(string format, System.Object arg0)",
                     "System.Text.StringBuilder AppendFormat(string format, System.Object arg0, System.Object arg1)",
                     "System.Text.StringBuilder AppendFormat(string format, System.Object arg0, System.Object arg1, "
                     "System.Object arg2)",
                     "System.Text.StringBuilder AppendFormat(string format, Params System.Object[] args)",
                     "System.Text.StringBuilder AppendFormat(System.IFormatProvider provider, string format, "
                     "System.Object arg0)",
                     "System.Text.StringBuilder AppendFormat(System.IFormatProvider provider, string format, "
                     "System.Object arg0, System.Object arg1)",
                     "System.Text.StringBuilder AppendFormat(System.IFormatProvider provider, string format, "
                     "System.Object arg0, System.Object arg1, System.Object arg2)",
                     "System.Text.StringBuilder AppendFormat(System.IFormatProvider provider, string format, "
                     "Params System.Object[] args)"],
    "AppendJoin": ["System.Text.StringBuilder AppendJoin(string separator, Params System.Object[] values)",
                   "System.Text.StringBuilder AppendJoin(string separator, Params string[] values)",
                   "System.Text.StringBuilder AppendJoin(char separator, Params System.Object[] values)",
                   "System.Text.StringBuilder AppendJoin(char separator, Params string[] values)"],
    "AppendLine": ["System.Text.StringBuilder AppendLine()", "System.Text.StringBuilder AppendLine(string value)"],
    "Clear": ["System.Text.StringBuilder Clear()"],
    "CopyTo": ["void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)",
               "void CopyTo(int sourceIndex, System.Span[char] destination, int count)"],
    "EnsureCapacity": ["int EnsureCapacity(int capacity)"],
    "Equals": ["bool Equals(System.Text.StringBuilder sb)", "bool Equals(System.ReadOnlySpan[char] span)",
               "bool Equals(System.Object obj)"],
    "Insert": ["System.Text.StringBuilder Insert(int index, string value, int count)",
               "System.Text.StringBuilder Insert(int index, string value)",
               "System.Text.StringBuilder Insert(int index, bool value)",
               "System.Text.StringBuilder Insert(int index, sbyte value)",
               "System.Text.StringBuilder Insert(int index, byte value)",
               "System.Text.StringBuilder Insert(int index, short value)",
               "System.Text.StringBuilder Insert(int index, char value)",
               "System.Text.StringBuilder Insert(int index, char[] value)",
               "System.Text.StringBuilder Insert(int index, char[] value, int startIndex, int charCount)",
               "System.Text.StringBuilder Insert(int index, int value)",
               "System.Text.StringBuilder Insert(int index, long value)",
               "System.Text.StringBuilder Insert(int index, float value)",
               "System.Text.StringBuilder Insert(int index, double value)",
               "System.Text.StringBuilder Insert(int index, decimal value)",
               "System.Text.StringBuilder Insert(int index, ushort value)",
               "System.Text.StringBuilder Insert(int index, uint value)",
               "System.Text.StringBuilder Insert(int index, ulong value)",
               "System.Text.StringBuilder Insert(int index, System.Object value)",
               "System.Text.StringBuilder Insert(int index, System.ReadOnlySpan[char] value)"],
    "Remove": ["System.Text.StringBuilder Remove(int startIndex, int length)"],
    "Replace": ["System.Text.StringBuilder Replace(string oldValue, string newValue)",
                "System.Text.StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)",
                "System.Text.StringBuilder Replace(char oldChar, char newChar)",
                "System.Text.StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)"],
    "ToString": ["string ToString()", "string ToString(int startIndex, int length)"],
    "Capacity": "int", "Length": "int", "MaxCapacity": "int",
}

_REGEX = {
    "Count": ["int Count(string input)", "int Count(System.ReadOnlySpan[char] input)",
              "int Count(System.ReadOnlySpan[char] input, int startat)"],
    "GetGroupNames": ["string[] GetGroupNames()"], "GetGroupNumbers": ["int[] GetGroupNumbers()"],
    "GroupNameFromNumber": ["string GroupNameFromNumber(int i)"],
    "GroupNumberFromName": ["int GroupNumberFromName(string name)"],
    "IsMatch": ["bool IsMatch(string input)", "bool IsMatch(System.ReadOnlySpan[char] input)",
                "bool IsMatch(System.ReadOnlySpan[char] input, int startat)", "bool IsMatch(string input, int startat)"],
    "Match": ["System.Text.RegularExpressions.Match Match(string input)",
              "System.Text.RegularExpressions.Match Match(string input, int startat)",
              "System.Text.RegularExpressions.Match Match(string input, int beginning, int length)"],
    "Matches": ["System.Text.RegularExpressions.MatchCollection Matches(string input)",
                "System.Text.RegularExpressions.MatchCollection Matches(string input, int startat)"],
    "Replace": ["string Replace(string input, string replacement)",
                "string Replace(string input, string replacement, int count)",
                "string Replace(string input, string replacement, int count, int startat)",
                "string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator)",
                "string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator, int count)",
                "string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator, int count, "
                "int startat)"],
    "Split": ["string[] Split(string input)", "string[] Split(string input, int count)",
              "string[] Split(string input, int count, int startat)"],
    "ToString": ["string ToString()"],
    "MatchTimeout": "timespan", "Options": "System.Text.RegularExpressions.RegexOptions", "RightToLeft": "bool",
}

_CAPTURE = {"ToString": ["string ToString()"], "Index": "int", "Length": "int", "Value": "string"}

_GROUP = {**_CAPTURE, "Captures": "System.Text.RegularExpressions.CaptureCollection", "Name": "string",
          "Success": "bool"}

_MATCH = {**_GROUP, "NextMatch": ["System.Text.RegularExpressions.Match NextMatch()"],
          "Result": ["string Result(string replacement)"], "Groups": "System.Text.RegularExpressions.GroupCollection"}

_URI = {
    "Equals": ["bool Equals(System.Object comparand)", "bool Equals(uri other)"],
    "GetComponents": ["string GetComponents(System.UriComponents components, System.UriFormat format)"],
    "GetLeftPart": ["string GetLeftPart(System.UriPartial part)"],
    "IsBaseOf": ["bool IsBaseOf(uri uri)"], "IsWellFormedOriginalString": ["bool IsWellFormedOriginalString()"],
    "MakeRelativeUri": ["uri MakeRelativeUri(uri uri)"], "ToString": ["string ToString()"],
    "AbsolutePath": "string", "AbsoluteUri": "string", "Authority": "string", "DnsSafeHost": "string",
    "Fragment": "string", "Host": "string", "HostNameType": "System.UriHostNameType", "IdnHost": "string",
    "IsAbsoluteUri": "bool", "IsDefaultPort": "bool", "IsFile": "bool", "IsLoopback": "bool", "IsUnc": "bool",
    "LocalPath": "string", "OriginalString": "string", "PathAndQuery": "string", "Port": "int", "Query": "string",
    "Scheme": "string", "Segments": "string[]", "UserEscaped": "bool", "UserInfo": "string",
}

_STOPWATCH = {
    "Reset": ["void Reset()"], "Restart": ["void Restart()"], "Start": ["void Start()"], "Stop": ["void Stop()"],
    "ToString": ["string ToString()"],
    "Elapsed": "timespan", "ElapsedMilliseconds": "long", "ElapsedTicks": "long", "IsRunning": "bool",
}

_RANDOM = {
    "Next": ["int Next()", "int Next(int maxValue)", "int Next(int minValue, int maxValue)"],
    "NextBytes": ["void NextBytes(byte[] buffer)", "void NextBytes(System.Span[byte] buffer)"],
    "NextDouble": ["double NextDouble()"],
    "NextInt64": ["long NextInt64()", "long NextInt64(long maxValue)", "long NextInt64(long minValue, long maxValue)"],
    "NextSingle": ["float NextSingle()"], "ToString": ["string ToString()"],
}

# Dictionary[TKey,TValue]'s signatures; TKey and TValue stand for its type arguments.
_DICTIONARY = {
    "Add": ["void Add(TKey key, TValue value)",
            "void ICollection[KeyValuePair[TKey,TValue]].Add(System.Collections.Generic.KeyValuePair[TKey,TValue] "
            "keyValuePair)",
            "void IDictionary.Add(System.Object key, System.Object value)"],
    "Clear": ["void Clear()"],
    "ContainsKey": ["bool ContainsKey(TKey key)"], "ContainsValue": ["bool ContainsValue(TValue value)"],
    "GetEnumerator": ["System.Collections.Generic.Dictionary`2+Enumerator[TKey,TValue] GetEnumerator()",
                      "System.Collections.Generic.IEnumerator[System.Collections.Generic.KeyValuePair[TKey,TValue]] "
                      "IEnumerable[KeyValuePair[TKey,TValue]].GetEnumerator()",
                      "System.Collections.IDictionaryEnumerator IDictionary.GetEnumerator()",
                      "System.Collections.IEnumerator IEnumerable.GetEnumerator()"],
    "Remove": ["bool Remove(TKey key)", "bool Remove(TKey key, [ref] TValue value)",
               "bool ICollection[KeyValuePair[TKey,TValue]].Remove(System.Collections.Generic.KeyValuePair[TKey,"
               "TValue] keyValuePair)",
               "void IDictionary.Remove(System.Object key)"],
    "TryAdd": ["bool TryAdd(TKey key, TValue value)"],
    "TryGetValue": ["bool TryGetValue(TKey key, [ref] TValue value)"],
    "Count": "int", "Keys": "System.Collections.Generic.Dictionary`2+KeyCollection[TKey,TValue]",
    "Values": "System.Collections.Generic.Dictionary`2+ValueCollection[TKey,TValue]",
}

_SET_ARGUMENT = "System.Collections.Generic.IEnumerable[T] other"

_HASH_SET = {
    "Add": ["bool Add(T item)", "void ICollection[T].Add(T item)"],
    "Clear": ["void Clear()"], "Contains": ["bool Contains(T item)"],
    "CopyTo": ["void CopyTo(T[] array)", "void CopyTo(T[] array, int arrayIndex)",
               "void CopyTo(T[] array, int arrayIndex, int count)"],
    "ExceptWith": [f"void ExceptWith({_SET_ARGUMENT})"],
    "GetEnumerator": ["System.Collections.Generic.HashSet`1+Enumerator[T] GetEnumerator()",
                      "System.Collections.Generic.IEnumerator[T] IEnumerable[T].GetEnumerator()",
                      "System.Collections.IEnumerator IEnumerable.GetEnumerator()"],
    "IntersectWith": [f"void IntersectWith({_SET_ARGUMENT})"],
    "IsSubsetOf": [f"bool IsSubsetOf({_SET_ARGUMENT})"], "IsSupersetOf": [f"bool IsSupersetOf({_SET_ARGUMENT})"],
    "Overlaps": [f"bool Overlaps({_SET_ARGUMENT})"], "Remove": ["bool Remove(T item)"],
    "SetEquals": [f"bool SetEquals({_SET_ARGUMENT})"], "UnionWith": [f"void UnionWith({_SET_ARGUMENT})"],
    "Count": "int",
}

_QUEUE = {
    "Clear": ["void Clear()"], "Contains": ["bool Contains(T item)"], "Dequeue": ["T Dequeue()"],
    "Enqueue": ["void Enqueue(T item)"], "Peek": ["T Peek()"], "ToArray": ["T[] ToArray()"],
    "TrimExcess": ["void TrimExcess()"], "TryDequeue": ["bool TryDequeue([ref] T result)"],
    "TryPeek": ["bool TryPeek([ref] T result)"], "Count": "int",
}

_STACK = {
    "Clear": ["void Clear()"], "Contains": ["bool Contains(T item)"], "Peek": ["T Peek()"], "Pop": ["T Pop()"],
    "Push": ["void Push(T item)"], "ToArray": ["T[] ToArray()"], "TrimExcess": ["void TrimExcess()"],
    "TryPeek": ["bool TryPeek([ref] T result)"], "TryPop": ["bool TryPop([ref] T result)"], "Count": "int",
}

_CULTURE_INFO = {
    "Clone": ["System.Object Clone()"], "Equals": ["bool Equals(System.Object value)"],
    "GetFormat": ["System.Object GetFormat(type formatType)"], "GetHashCode": ["int GetHashCode()"],
    "ToString": ["string ToString()"], "Parent": "cultureinfo",
}

_GUID = {
    "CompareTo": ["int CompareTo(System.Object value)", "int CompareTo(guid value)"],
    "Equals": ["bool Equals(System.Object o)", "bool Equals(guid g)"],
    "ToByteArray": ["byte[] ToByteArray()", "byte[] ToByteArray(bool bigEndian)"],
    "ToString": ["string ToString()", "string ToString(string format)",
                 "string ToString(string format, System.IFormatProvider provider)"],
}

_VERSION = {
    "CompareTo": ["int CompareTo(System.Object version)", "int CompareTo(version value)"],
    "Equals": ["bool Equals(System.Object obj)", "bool Equals(version obj)"],
    "ToString": ["string ToString()", "string ToString(int fieldCount)",
                 "string IFormattable.ToString(string format, System.IFormatProvider formatProvider)"],
}

_TABLES: dict[str, dict[str, object]] = {
    "System.String": _STRINGS, "System.DateTime": _DATETIME, "System.TimeSpan": _TIMESPAN,
    "System.Int32": _number("int"), "System.Int64": _number("long"), "System.Double": _number("double"),
    "System.Decimal": _number("decimal"), "System.Collections.Hashtable": _HASHTABLE,
    "System.Collections.ArrayList": _ARRAYLIST, "System.Collections.Generic.List`1": _LIST,
    "System.IO.FileInfo": _FILE_INFO, "System.IO.DirectoryInfo": _DIRECTORY_INFO,
    "System.Xml.XmlNode": _XML_NODE, "System.Xml.XmlElement": _XML_ELEMENT, "System.Xml.XmlDocument": _XML_DOCUMENT,
    "System.Text.StringBuilder": _STRING_BUILDER, "System.Text.RegularExpressions.Regex": _REGEX,
    "System.Text.RegularExpressions.Match": _MATCH, "System.Text.RegularExpressions.Group": _GROUP,
    "System.Text.RegularExpressions.Capture": _CAPTURE, "System.Uri": _URI,
    "System.Diagnostics.Stopwatch": _STOPWATCH, "System.Random": _RANDOM,
    "System.Collections.Generic.Dictionary`2": _DICTIONARY, "System.Collections.Generic.HashSet`1": _HASH_SET,
    "System.Collections.Generic.Queue`1": _QUEUE, "System.Collections.Generic.Stack`1": _STACK,
    "System.Globalization.CultureInfo": _CULTURE_INFO, "System.Guid": _GUID, "System.Version": _VERSION,
}

# What each generic table's placeholders stand for, in type-argument order.
_PLACEHOLDERS = {"System.Collections.Generic.Dictionary`2": ("TKey", "TValue")}


def _table(type_names: list[str]) -> tuple[Optional[dict[str, object]], dict[str, str]]:
    """The first table along the type's base types, and what its
    placeholders (T, or TKey and TValue) stand for."""
    for name in type_names:
        generic = re.match(r"^(System\.Collections\.Generic\.\w+`\d)\[(.+)\]$", name)
        if generic and generic.group(1) in _TABLES:
            placeholders = _PLACEHOLDERS.get(generic.group(1), ("T",))
            arguments = [_element(argument) for argument in _type_arguments(generic.group(2))]
            return _TABLES[generic.group(1)], dict(zip(placeholders, arguments))
        table = _TABLES.get(name)
        if table is not None:
            return table, {"T": "System.Object"}
    return None, {}


def _type_arguments(text: str) -> list[str]:
    """``System.String,System.Int32`` split at its top-level commas."""
    arguments, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            arguments.append(text[start:index])
            start = index + 1
    arguments.append(text[start:])
    return [argument.strip() for argument in arguments]


def _element(name: str) -> str:
    short = {"System.Int32": "int", "System.String": "string", "System.Object": "System.Object",
             "System.Int64": "long", "System.Double": "double", "System.Boolean": "bool", "System.Char": "char",
             "System.Byte": "byte", "System.DateTime": "datetime", "System.Decimal": "decimal"}
    return short.get(name, name)


def _substitute(text: str, placeholders: dict[str, str]) -> str:
    for placeholder, argument in placeholders.items():
        text = re.sub(rf"\b{placeholder}\b", argument, text)
    return text


def method_definition(type_names: list[str], name: str) -> Optional[str]:
    """``datetime AddDays(double value)``, overloads joined by ", "; None
    when the type's table does not list the method."""
    table, placeholders = _table(type_names)
    entry = table.get(name) if table is not None else None
    if not isinstance(entry, list):
        return None
    return _substitute(", ".join(entry), placeholders)


def property_type(type_names: list[str], name: str) -> Optional[str]:
    """The declared type of a property (``int`` for String.Length)."""
    if name == "Length" and "System.String" in type_names[:1]:
        return "int"
    table, placeholders = _table(type_names)
    entry = table.get(name) if table is not None else None
    return _substitute(entry, placeholders) if isinstance(entry, str) else None


# Static methods by type, as ``Get-Member -Static`` prints them.
_STATIC: dict[str, dict[str, list[str]]] = {
    "System.Math": {
        "Abs": ["static double Abs(double value)", "static int Abs(int value)", "static long Abs(long value)",
                "static decimal Abs(decimal value)"],
        "Ceiling": ["static decimal Ceiling(decimal d)", "static double Ceiling(double a)"],
        "Floor": ["static decimal Floor(decimal d)", "static double Floor(double d)"],
        "Max": ["static int Max(int val1, int val2)", "static long Max(long val1, long val2)",
                "static double Max(double val1, double val2)", "static decimal Max(decimal val1, decimal val2)"],
        "Min": ["static int Min(int val1, int val2)", "static long Min(long val1, long val2)",
                "static double Min(double val1, double val2)", "static decimal Min(decimal val1, decimal val2)"],
        "Pow": ["static double Pow(double x, double y)"],
        "Round": ["static decimal Round(decimal d)", "static decimal Round(decimal d, int decimals)",
                  "static decimal Round(decimal d, System.MidpointRounding mode)",
                  "static decimal Round(decimal d, int decimals, System.MidpointRounding mode)",
                  "static double Round(double a)", "static double Round(double value, int digits)",
                  "static double Round(double value, System.MidpointRounding mode)",
                  "static double Round(double value, int digits, System.MidpointRounding mode)"],
        "Sqrt": ["static double Sqrt(double d)"],
        "Truncate": ["static decimal Truncate(decimal d)", "static double Truncate(double d)"],
    },
    "System.String": {
        "Compare": ["static int Compare(string strA, string strB)",
                    "static int Compare(string strA, string strB, bool ignoreCase)",
                    "static int Compare(string strA, string strB, System.StringComparison comparisonType)"],
        "Concat": ["static string Concat(System.Object arg0)", "static string Concat(Params System.Object[] args)",
                   "static string Concat(string str0, string str1)", "static string Concat(Params string[] values)"],
        "Format": ["static string Format(string format, System.Object arg0)",
                   "static string Format(string format, System.Object arg0, System.Object arg1)",
                   "static string Format(string format, Params System.Object[] args)",
                   "static string Format(System.IFormatProvider provider, string format, Params System.Object[] args)"],
        "IsNullOrEmpty": ["static bool IsNullOrEmpty(string value)"],
        "IsNullOrWhiteSpace": ["static bool IsNullOrWhiteSpace(string value)"],
        "Join": ["static string Join(char separator, Params string[] value)",
                 "static string Join(char separator, Params System.Object[] values)",
                 "static string Join(string separator, Params string[] value)",
                 "static string Join(string separator, Params System.Object[] values)",
                 "static string Join(string separator, System.Collections.Generic.IEnumerable[string] values)"],
    },
    "System.DateTime": {
        "DaysInMonth": ["static int DaysInMonth(int year, int month)"],
        "IsLeapYear": ["static bool IsLeapYear(int year)"],
        "Parse": ["static datetime Parse(string s)", "static datetime Parse(string s, System.IFormatProvider provider)",
                  "static datetime Parse(string s, System.IFormatProvider provider, "
                  "System.Globalization.DateTimeStyles styles)"],
        "ParseExact": ["static datetime ParseExact(string s, string format, System.IFormatProvider provider)",
                       "static datetime ParseExact(string s, string format, System.IFormatProvider provider, "
                       "System.Globalization.DateTimeStyles style)"],
        "SpecifyKind": ["static datetime SpecifyKind(datetime value, System.DateTimeKind kind)"],
        "TryParse": ["static bool TryParse(string s, [ref] datetime result)"],
    },
    "System.IO.Path": {
        "ChangeExtension": ["static string ChangeExtension(string path, string extension)"],
        "Combine": ["static string Combine(string path1, string path2)",
                    "static string Combine(string path1, string path2, string path3)",
                    "static string Combine(Params string[] paths)"],
        "GetDirectoryName": ["static string GetDirectoryName(string path)"],
        "GetExtension": ["static string GetExtension(string path)"],
        "GetFileName": ["static string GetFileName(string path)"],
        "GetFileNameWithoutExtension": ["static string GetFileNameWithoutExtension(string path)"],
        "GetFullPath": ["static string GetFullPath(string path)", "static string GetFullPath(string path, string basePath)"],
        "GetTempFileName": ["static string GetTempFileName()"],
        "GetTempPath": ["static string GetTempPath()"],
        "Join": ["static string Join(string path1, string path2)", "static string Join(string path1, string path2, "
                 "string path3)", "static string Join(Params string[] paths)"],
    },
    "System.Convert": {
        "FromBase64String": ["static byte[] FromBase64String(string s)"],
        "ToBase64String": ["static string ToBase64String(byte[] inArray)",
                           "static string ToBase64String(byte[] inArray, System.Base64FormattingOptions options)"],
        "ToHexString": ["static string ToHexString(byte[] inArray)"],
        "ToInt32": ["static int ToInt32(System.Object value)", "static int ToInt32(string value)",
                    "static int ToInt32(string value, int fromBase)"],
    },
    "System.Uri": {
        "EscapeDataString": ["static string EscapeDataString(string stringToEscape)"],
        "UnescapeDataString": ["static string UnescapeDataString(string stringToUnescape)"],
        "IsWellFormedUriString": ["static bool IsWellFormedUriString(string uriString, System.UriKind uriKind)"],
        "TryCreate": ["static bool TryCreate(string uriString, System.UriKind uriKind, [ref] uri result)",
                      "static bool TryCreate(uri baseUri, string relativeUri, [ref] uri result)",
                      "static bool TryCreate(uri baseUri, uri relativeUri, [ref] uri result)"],
    },
    "System.Guid": {"NewGuid": ["static guid NewGuid()"],
                    "Parse": ["static guid Parse(string input)"]},
}


def static_definition(type_name: str, name: str) -> Optional[str]:
    """A static method's overloads (``static double Round(double a), ...``)."""
    entry = _STATIC.get(type_name, {}).get(name)
    return ", ".join(entry) if entry else None
